// The usage dashboard agrees with the chat: after a turn with two sandbox models, the
// page scoped to that conversation shows exactly the answers' spend and tokens, and the
// activity CSV it downloads adds up to the same picodollar.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { usdToPico } from "../../lib/ledger/usd";
import { pickModels } from "./pick-models";

interface Message {
  role: string;
  stats: { costPico: string; promptTokens: number; completionTokens: number } | null;
}

test("spend and tokens on /usage equal the chat's answers, and so does the CSV", async ({ page }) => {
  await page.goto("/");
  await pickModels(page, ["Swift Mini", "Atlas Large"]);
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await prompt.fill("Explain what a hash map is [[sandbox:tokens=60]]");
  await prompt.press("Enter");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  for (const name of ["Swift Mini", "Atlas Large"]) {
    const region = page.getByRole("region", { name: new RegExp(`^${name}.* answers$`) });
    await expect(region).toBeVisible();
    await expect(region).toHaveAttribute("aria-busy", "false", { timeout: 30_000 });
  }
  const conversationId = new URL(page.url()).pathname.split("/").pop()!;

  const conversation = await (await page.request.get(`/api/conversations/${conversationId}`)).json();
  const answers = (conversation.messages as Message[]).filter((m) => m.role === "assistant" && m.stats);
  expect(answers).toHaveLength(2);
  const cost = answers.reduce((s, m) => s + BigInt(m.stats!.costPico), 0n);
  const tokens = answers.reduce((s, m) => s + m.stats!.promptTokens + m.stats!.completionTokens, 0);
  expect(cost).toBeGreaterThan(0n);

  await page.goto(`/usage?conversationId=${conversationId}`);
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  // The ledger is written off the token path: reload until the rows are there.
  await expect(async () => {
    await page.reload();
    const cards = page.getByLabel("Usage summary");
    await expect(cards.getByTitle(`${cost} picodollars`)).toBeVisible({ timeout: 3_000 });
    await expect(cards.getByTitle(`${tokens.toLocaleString("en")} tokens`)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  // The activity log lists the two calls; one opens in a detail view.
  const log = page.getByRole("region", { name: "Activity" });
  await expect(log.getByRole("button", { name: /^Details of sandbox\// })).toHaveCount(2);
  await log.getByRole("button", { name: /^Details of sandbox\/swift-mini/ }).click();
  const dialog = page.getByRole("dialog", { name: "sandbox/swift-mini" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Time to first token")).toBeVisible();
  await dialog.getByRole("button", { name: "Close details" }).click();
  await expect(dialog).toBeHidden();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download activity CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^switchyard-activity-.*\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\r\n");
  const header = csv[0].split(",");
  const costColumn = header.indexOf("cost_usd");
  const rows = csv.slice(1).map((line) => line.split(","));
  expect(rows).toHaveLength(2);
  expect(rows.reduce((s, r) => s + usdToPico(r[costColumn]), 0n)).toBe(cost);
});
