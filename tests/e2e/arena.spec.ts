// The arena as a person uses it: a blind comparison that gives nothing away before the vote
// (DOM, hidden elements included, and every response the page received), a vote by keyboard,
// the reveal, and the leaderboard that moves with the vote, its quality/cost chart and frontier.
import { expect, test, type Page, type Response } from "@playwright/test";
import { csrfHeaders } from "./accounts";
import { createComparison } from "./comparison";

const SANDBOX = [
  ["sandbox/swift-mini", "Swift Mini"],
  ["sandbox/atlas-large", "Atlas Large"],
  ["sandbox/sage-reasoner", "Sage Reasoner"],
  ["sandbox/echo-free", "Echo Free"],
  ["sandbox/coder-pro", "Coder Pro"],
  ["sandbox/nimbus-tools", "Nimbus Tools"],
] as const;
/** What would tell the models apart: ids, names, the provider's name. */
const GIVEAWAYS = [...SANDBOX.flat(), ...SANDBOX.map(([id]) => id.split("/")[1]), "simulated", "Sandbox", '"sandbox"'];

const SHOTS = process.env.ARENA_SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

function giveawaysIn(text: string): string[] {
  return GIVEAWAYS.filter((word) => text.includes(word));
}

/** Casts a vote as the page would (for leaderboard data beside the UI flow). */
async function vote(page: Page, conversationId: string, column: number) {
  const response = await page.request.post("/api/votes", { headers: await csrfHeaders(page), data: { conversationId, turn: 0, outcome: { kind: "best", column } } });
  expect(response.ok()).toBe(true);
}

/** Every response body the page receives until `stop` (the catalog of every model the user may pick is not about one comparison). */
function recordResponses(page: Page): { stop: () => Promise<{ url: string; body: string }[]> } {
  const bodies: { url: string; body: string }[] = [];
  const pending: Promise<void>[] = [];
  const record = (response: Response) => {
    const url = response.url();
    if (url.includes("/api/models") || url.includes("/_next/static/")) return;
    pending.push(
      response
        .text()
        .then((body) => void bodies.push({ url, body }))
        .catch(() => undefined),
    );
  };
  page.on("response", record);
  return {
    stop: async () => {
      page.off("response", record);
      await Promise.all(pending);
      return bodies;
    },
  };
}

/** Starts a blind comparison of two random models from "/", recording every response from the send on. */
async function startRandomBlind(page: Page, prompt: string) {
  await page.goto("/");
  await page.getByRole("checkbox", { name: "Blind" }).check();
  await expect(page.getByRole("radio", { name: "Random models" })).toBeChecked();
  await page.getByRole("spinbutton", { name: "How many" }).fill("2");
  const recorder = recordResponses(page);
  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.fill(prompt);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  return recorder;
}

async function leaderboardVotes(page: Page): Promise<number> {
  const text = await page.getByText(/bootstrap intervals .* from \d+ votes/).textContent();
  return Number(/from (\d+) votes/.exec(text ?? "")?.[1]);
}

test("a blind comparison names no model before the vote; a key press votes and reveals them; the leaderboard moves", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  // Sighted votes first, so the chart has a frontier to draw: Atlas best, Swift over Echo.
  await page.goto("/leaderboard");
  const three = await createComparison(page, ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/echo-free"], ["Explain binary search"]);
  await vote(page, three, 1);
  const two = await createComparison(page, ["sandbox/swift-mini", "sandbox/echo-free"], ["Explain a hash map"]);
  await vote(page, two, 0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Ranking" })).toBeVisible();
  const before = await leaderboardVotes(page);

  // A new blind comparison of two random models.
  const recorder = await startRandomBlind(page, "What is 12*7+3?");
  await expect(page.getByRole("heading", { name: "Model A", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Model B", exact: true })).toBeVisible();
  const better = page.getByRole("button", { name: /^A is better/ });
  await expect(better).toBeVisible();
  await expect(page.getByText("Cost and speed hidden until the reveal").first()).toBeVisible();
  await expect(page.getByText("hidden until the reveal", { exact: false }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shot(page, "blind-before-vote-1440");

  // Nothing in the DOM (hidden elements included) or in any response names a model.
  expect(giveawaysIn(await page.content())).toEqual([]);
  expect(await page.title()).not.toMatch(/swift|atlas|sage|echo|coder|nimbus|sandbox/i);
  const bodies = await recorder.stop();
  expect(bodies.length).toBeGreaterThan(2);
  for (const { url, body } of bodies) expect(giveawaysIn(body), url).toEqual([]);
  // The conversation list (sidebar) shows the prompt, not a cost.
  const conversationId = /\/c\/([^/]+)$/.exec(page.url())![1];

  // Vote by keyboard: "1" = the first column is the best.
  await page.getByRole("textbox", { name: "Prompt" }).press("Escape");
  await page.keyboard.press("1");
  const revealed = page.getByRole("region", { name: "Models revealed" });
  await expect(revealed).toBeVisible();
  await expect(revealed).toContainText("Model A was");
  await expect(page.getByRole("button", { name: /^A is better/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/Your vote: A is better \(blind\)/)).toBeVisible();
  // After the vote the names, providers and costs are there.
  await expect.poll(async () => giveawaysIn(await page.content()).length).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: "Model A", exact: true })).toHaveCount(0);
  await expect(page.getByTitle("Cost of this answer").last()).toContainText("$");
  await page.waitForTimeout(1500);
  await shot(page, "blind-revealed-1440");
  const votes = await page.request.get(`/api/votes?conversationId=${conversationId}`);
  expect((await votes.json()).votes[0]).toMatchObject({ blind: true, outcome: { kind: "best", column: 0 } });

  // The leaderboard counts the vote; its chart draws the frontier.
  await page.goto("/leaderboard");
  await expect.poll(() => leaderboardVotes(page)).toBe(before + 1);
  const chart = page.getByRole("figure", { name: /Scatter chart of score against average cost per answer/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-scatter-symbol").first()).toBeVisible();
  await expect(chart.locator(".recharts-scatter-line")).toHaveCount(1);
  await expect(page.getByText(/the line joins the Pareto frontier: .+ → .+/)).toBeVisible();
  await page.getByRole("button", { name: "TTFT" }).click();
  await expect(page.getByRole("figure", { name: /time to first token/ })).toBeVisible();
  await page.getByRole("button", { name: "Table view" }).click();
  await expect(page.getByRole("table", { name: "Score, cost and speed per model" })).toBeVisible();
  await page.getByRole("button", { name: "Table view" }).click();
  await page.getByRole("button", { name: "Cost", exact: true }).click();
  await expect(page.getByRole("table", { name: "Win rate of each row model against each column model" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Blind votes only" }).check();
  await expect.poll(() => leaderboardVotes(page)).toBe(1);
  await page.getByRole("checkbox", { name: "Blind votes only" }).uncheck();
  await expect.poll(() => leaderboardVotes(page)).toBe(before + 1);
  await shot(page, "leaderboard-1440");

  // Shared as a read-only snapshot that opens without signing in.
  await page.getByRole("button", { name: "Share a snapshot" }).click();
  const link = page.getByRole("link", { name: /\/shared-leaderboard\// });
  await expect(link).toBeVisible();
  const url = (await link.getAttribute("href"))!;
  const guest = await page.context().browser()!.newContext({ storageState: { cookies: [], origins: [] } });
  const guestPage = await guest.newPage();
  await guestPage.setViewportSize({ width: 1440, height: 900 });
  await guestPage.goto(url);
  await expect(guestPage.getByRole("heading", { name: "Leaderboard (shared)" })).toBeVisible();
  await expect(guestPage.getByRole("table", { name: "Models ranked by score" })).toContainText("Atlas Large");
  if (SHOTS) await guestPage.screenshot({ path: `${SHOTS}/shared-leaderboard-1440.png` });
  await guest.close();
});

test("votes are listed, changed and deleted on the votes page; the leaderboard fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const id = await createComparison(page, ["sandbox/coder-pro", "sandbox/sage-reasoner"], ["Write a function that reverses a string"]);
  await page.goto(`/c/${id}`);
  await page.getByRole("button", { name: /^B is better/ }).click();
  await expect(page.getByText("Your vote: B is better")).toBeVisible();
  await page.getByRole("button", { name: "Tie" }).click();
  await expect(page.getByText("Your vote: Tie")).toBeVisible();
  await shot(page, "sighted-vote-1440");

  await page.goto("/votes");
  const item = page.getByRole("listitem", { name: /Vote on Turn 1/ }).first();
  await expect(item.getByRole("paragraph").filter({ hasText: /^Tie$/ })).toBeVisible();
  await item.getByRole("combobox", { name: "Verdict" }).selectOption({ label: "Coder Pro is the best" });
  await expect(item.getByRole("paragraph").filter({ hasText: /^Coder Pro is better$/ })).toBeVisible();
  await item.getByRole("textbox", { name: "Tags (comma-separated)" }).fill("code, strings");
  await item.getByRole("button", { name: "Save tags" }).click();
  await expect(item.getByRole("textbox", { name: "Tags (comma-separated)" })).toHaveValue("code, strings");
  const csv = await page.request.get("/api/votes?format=csv");
  expect(await csv.text()).toContain("code;strings");
  await shot(page, "votes-1440");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/leaderboard");
  await expect(page.getByRole("heading", { name: "Ranking" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "leaderboard-390");
  await page.goto(`/c/${id}`);
  await expect(page.getByRole("button", { name: /^A is better/ })).toBeVisible();
  await shot(page, "vote-390");

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/votes");
  await page.getByRole("listitem", { name: /Vote on Turn 1/ }).first().getByRole("button", { name: "Delete vote" }).click();
  // This comparison's vote is gone (the blind test's random pair may have its own "Coder Pro is better").
  const ours = page.getByRole("listitem", { name: /Vote on Turn 1/ }).filter({ has: page.locator(`a[href="/c/${id}"]`) });
  await expect(ours.getByRole("paragraph").filter({ hasText: /^Coder Pro is better$/ })).toHaveCount(0);
  await expect(ours).toHaveCount(0);
});

test("an evaluation set of 5 prompts runs on 3 sandbox models with a progress bar and stops at its cost cap", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/evals");
  const form = page.getByRole("form", { name: "New evaluation set" });
  await form.getByRole("textbox", { name: "Name" }).fill("Arithmetic and prose");
  await form.getByRole("textbox", { name: /Prompts/ }).fill(["What is 2+3?", "What is 7*6?", "Explain recursion briefly", "Write a haiku about tea", "Name three sorting algorithms"].join("\n"));
  await expect(form.getByText("5 prompts")).toBeVisible();
  await form.getByRole("button", { name: "Save set" }).click();
  const set = page.getByRole("listitem", { name: "Arithmetic and prose" });
  const run = set.getByRole("form", { name: "Run Arithmetic and prose" });
  await expect(run).toBeVisible();
  for (const name of ["Swift Mini", "Atlas Large", "Echo Free"]) await run.getByRole("checkbox", { name }).check();
  await run.getByRole("spinbutton", { name: "Max tokens per answer" }).fill("40");
  await expect(run.getByText(/Worst case for the whole set: \$[\d.]+/)).toBeVisible();

  // A cap that fits two prompts' worst cases and half the third's.
  const sets = await (await page.request.get("/api/eval-sets")).json();
  const id = sets.sets.find((s: { name: string }) => s.name === "Arithmetic and prose").id;
  const estimate = await (await page.request.post(`/api/eval-sets/${id}/estimate`, { headers: await csrfHeaders(page), data: { models: ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/echo-free"], maxTokens: 40 } })).json();
  const per = estimate.perPrompt.map(BigInt) as bigint[];
  const cap = per[0] + per[1] + per[2] / 2n;
  await run.getByRole("textbox", { name: "Cost cap (USD)" }).fill((Number(cap) / 1e12).toFixed(12));
  await run.getByRole("button", { name: "Run 5 prompts" }).click();

  const results = set.getByRole("region", { name: "Run results" });
  await expect(results.getByRole("progressbar", { name: "Prompts run" })).toBeVisible();
  await expect(results.getByText(/Stopped at the cost cap/)).toBeVisible({ timeout: 60_000 });
  await expect(results.getByRole("progressbar", { name: "Prompts run" })).toHaveAttribute("value", "2");
  await expect(results.getByText(/2 of 5 prompts/)).toBeVisible();
  const table = results.getByRole("table", { name: "Answers per prompt and model" });
  await expect(table.getByRole("columnheader", { name: "Echo Free" })).toBeVisible();
  await expect(table.getByRole("link", { name: "What is 2+3?" })).toBeVisible();
  await shot(page, "evals-1440");
});

test("a blind comparison voted turn by turn stays blind over two turns, then 'Reveal models' shows every turn", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const recorder = await startRandomBlind(page, "What is 12*7+3?");
  const box = page.getByRole("textbox", { name: "Prompt" });
  const conversationId = /\/c\/([^/]+)$/.exec(page.url())![1];

  // Turn 1: keep the models hidden, then vote with the mouse.
  const firstTurn = page.getByRole("group", { name: "Pick the best answer of turn 1" });
  await expect(firstTurn.getByRole("button", { name: /^A is better/ })).toBeVisible();
  const keep = page.getByRole("checkbox", { name: "Keep models hidden after voting" });
  await expect(keep).not.toBeChecked();
  await expect(page.getByText("Your vote reveals the models")).toBeVisible();
  await keep.check();
  await firstTurn.getByRole("button", { name: /^A is better/ }).click();
  await expect(page.getByText("Your vote: A is better (blind)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reveal models" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Models revealed" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Model A", exact: true })).toBeVisible();

  // Turn 2: still blind; the choice to keep going blind carries over; a key press votes.
  await box.fill("And 5*5?");
  await box.press("Enter");
  const secondTurn = page.getByRole("group", { name: "Pick the best answer of turn 2" });
  await expect(secondTurn.getByRole("button", { name: /^B is better/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Keep models hidden after voting" })).toBeChecked();
  await box.press("Escape");
  await page.keyboard.press("2");
  await expect(secondTurn.getByRole("button", { name: /^B is better/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("2 turns voted blind; ask more, or reveal")).toBeVisible();
  await expect(page.getByText("Your vote: B is better (blind)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Models revealed" })).toHaveCount(0);
  await expect(page.getByText("Cost and speed hidden until the reveal").first()).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Nothing in the DOM or in any response of either turn (SSE, votes, estimates) names a model.
  expect(giveawaysIn(await page.content())).toEqual([]);
  const bodies = await recorder.stop();
  expect(bodies.some((b) => b.url.endsWith("/api/chat"))).toBe(true);
  expect(bodies.filter((b) => b.url.includes("/api/votes")).length).toBeGreaterThan(1);
  for (const { url, body } of bodies) expect(giveawaysIn(body), url).toEqual([]);
  for (const [width, height] of [[1440, 900], [1280, 800], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.getByRole("group", { name: "Blind comparison" }).scrollIntoViewIfNeeded();
    await shot(page, `blind-two-turns-hidden-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // The reveal: every voted turn, which letter was which, the picks per turn; names and costs are back.
  await page.getByRole("button", { name: "Reveal models" }).click();
  const revealed = page.getByRole("region", { name: "Models revealed" });
  await expect(revealed).toBeVisible();
  await expect(revealed).toContainText("2 turns voted blind");
  await expect(revealed.getByRole("listitem").filter({ hasText: "Model A was" })).toContainText("your pick on turn 1");
  await expect(revealed.getByRole("listitem").filter({ hasText: "Model B was" })).toContainText("your pick on turn 2");
  await expect.poll(async () => giveawaysIn(await page.content()).length).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: "Model A", exact: true })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Keep models hidden after voting" })).toHaveCount(0);
  await expect(page.getByTitle("Cost of this answer").last()).toContainText("$");
  const votes = (await (await page.request.get(`/api/votes?conversationId=${conversationId}`)).json()).votes;
  expect(votes.map((v: { turn: number; blind: boolean }) => [v.turn, v.blind]).sort()).toEqual([[0, true], [1, true]]);
  await page.waitForTimeout(1500);
  for (const [width, height] of [[1440, 900], [1280, 800], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await shot(page, `blind-two-turns-revealed-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // A judge on every turn at once: two verdicts stored, the judging cost shown apart.
  await page.getByRole("button", { name: "Ask a judge model about turn 2" }).click();
  const judge = page.getByRole("form", { name: "Judge turn 2" });
  await judge.getByRole("combobox", { name: "Judge model" }).selectOption({ label: "Atlas Large" });
  await judge.getByRole("button", { name: "Judge every turn" }).click();
  await expect(judge.getByText(/Judged turns 1, 2; judging cost \$/)).toBeVisible();
  await expect(page.getByText(/^Judge sandbox\/atlas-large: /)).toHaveCount(2);
});
