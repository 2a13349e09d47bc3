// Seeing the difference: each turn's scorecard marks the cheapest, fastest-first-token and
// fastest-overall answers; two answers can be diffed word by word; an answer and a whole
// turn can be copied as Markdown.
import { expect, test, type Page } from "@playwright/test";
import { column, createComparison } from "./comparison";

const MODELS = ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/echo-free"];
const NAMES = ["Swift Mini", "Atlas Large", "Echo Free"];

test.describe.configure({ mode: "serial" });
let conversationId: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  conversationId = await createComparison(page, MODELS, ["Explain how a lighthouse works [[sandbox:tokens=40]]"]);
  await page.close();
});

/** "$0.0042" → picodollars, "$0" → 0. */
const toPico = (usd: string) => BigInt(Math.round(Number(usd.replace(/[$,~]/g, "")) * 1e12));

async function costOf(page: Page, name: string): Promise<bigint> {
  const card = column(page, name).getByLabel(/^Scorecard of/);
  return toPico(await card.getByRole("definition").first().innerText());
}

test("the scorecard shows each answer's figures and marks the winners", async ({ page }) => {
  await page.goto(`/c/${conversationId}`);
  for (const name of NAMES) {
    const card = column(page, name).getByLabel(/^Scorecard of/);
    for (const term of ["Cost", "TTFT", "Time", "Speed", "Out"]) await expect(card.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  // The free model is the cheapest, and marked so; the marks appear once each (no ties here).
  const costs = await Promise.all(NAMES.map((name) => costOf(page, name)));
  const cheapest = NAMES[costs.indexOf(costs.reduce((a, b) => (b < a ? b : a)))];
  expect(cheapest).toBe("Echo Free");
  await expect(column(page, "Echo Free").getByRole("list", { name: "Marks" }).getByText("Cheapest")).toBeVisible();
  await expect(page.getByText("Cheapest", { exact: true })).toHaveCount(1);
  await expect(page.getByText("Fastest first token", { exact: true })).not.toHaveCount(0);
  await expect(page.getByText("Fastest overall", { exact: true })).not.toHaveCount(0);
});

test("two answers of a turn, diffed word by word, side by side or inline", async ({ page }) => {
  await page.goto(`/c/${conversationId}`);
  await page.getByRole("button", { name: "Compare two answers of turn 1" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare answers · turn 1" });
  await dialog.getByRole("combobox", { name: "First answer" }).selectOption({ label: "Swift Mini" });
  await dialog.getByRole("combobox", { name: "Second answer" }).selectOption({ label: "Atlas Large" });
  await expect(dialog.getByRole("status")).toContainText(/\d+ words? only in the first, \d+ only in the second/);
  const first = dialog.getByRole("region", { name: "First answer: Swift Mini" });
  const second = dialog.getByRole("region", { name: "Second answer: Atlas Large" });
  await expect(first.getByRole("deletion").first()).toBeVisible();
  await expect(second.getByRole("insertion").first()).toBeVisible();
  await expect(first.getByRole("insertion")).toHaveCount(0);
  await expect(second.getByRole("deletion")).toHaveCount(0);

  await dialog.getByRole("radio", { name: "Inline" }).check();
  const inline = dialog.getByRole("region", { name: "Inline differences" });
  await expect(inline.getByRole("deletion").first()).toBeVisible();
  await expect(inline.getByRole("insertion").first()).toBeVisible();
  await dialog.getByRole("button", { name: "Close comparison" }).click();
  await expect(dialog).toBeHidden();
});

test("an answer copies as its Markdown, a turn as a table of every model's answer", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/c/${conversationId}`);
  const swift = column(page, "Swift Mini");
  await swift.getByRole("button", { name: /^Copy Swift Mini.* answer$/ }).click();
  await expect(swift.getByRole("button", { name: /^Copy Swift Mini.* answer$/ })).toHaveText(/Copied/);
  const answer = await page.evaluate(() => navigator.clipboard.readText());
  expect(answer.length).toBeGreaterThan(20);
  expect((await swift.getByRole("article").innerText()).replace(/\s+/g, " ")).toContain(answer.split("\n")[0].replace(/[#*_`]/g, "").trim().slice(0, 20));

  await page.getByRole("button", { name: "Copy turn 1 as a table" }).click();
  const table = await page.evaluate(() => navigator.clipboard.readText());
  expect(table).toContain("**Prompt:** Explain how a lighthouse works");
  expect(table).toContain("| Model | Answer | Cost | Time to first token | Total time | Speed | Output tokens |");
  for (const name of NAMES) expect(table).toMatch(new RegExp(`\\n\\| ${name} \\| .+ \\| \\$[\\d.]+ \\|`));
});
