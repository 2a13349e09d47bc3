// Reading four answers side by side: columns share the width and scroll sideways beyond
// what fits (with a pager saying so), each turn's prompt shows once and its answers start
// level, tables keep their words whole, a column can be focused, the sidebar collapses.
import { expect, test } from "@playwright/test";
import { column, createComparison, tops, wordsSplitAcrossLines } from "./comparison";

const MODELS = ["sandbox/atlas-large", "sandbox/coder-pro", "sandbox/sage-reasoner", "sandbox/swift-mini"];
const NAMES = ["Atlas Large", "Coder Pro", "Sage Reasoner", "Swift Mini"];
const PROMPTS = ["Compare PostgreSQL and SQLite for a small team, with a table of trade-offs and a TypeScript example", "Now a Python function that retries with backoff"];

test.describe.configure({ mode: "serial" });
let conversationId: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  conversationId = await createComparison(page, MODELS, PROMPTS);
  await page.close();
});

test("four columns at 1280 px are all reachable and readable", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/c/${conversationId}`);
  for (const name of NAMES) await expect(column(page, name)).toHaveAttribute("aria-busy", "false");
  const scroller = page.getByRole("group", { name: "Answers side by side" });
  const view = (await scroller.boundingBox())!;

  // Every column keeps a readable width; what does not fit is one click (or "]") away.
  for (const name of NAMES) expect((await column(page, name).boundingBox())!.width).toBeGreaterThanOrEqual(279);
  await expect(page.getByText("Columns 1–3 of 4")).toBeVisible();
  const last = column(page, "Swift Mini");
  const hidden = (await last.boundingBox())!;
  expect(hidden.x + hidden.width).toBeGreaterThan(view.x + view.width);
  // Its right end (its settings button) is off screen until the row scrolls.
  const settings = last.getByRole("button", { name: /^Settings for Swift Mini/ });
  await expect(settings).not.toBeInViewport();
  await page.getByRole("button", { name: "Next column" }).click();
  await expect(page.getByText("Columns 2–4 of 4")).toBeVisible();
  await expect(settings).toBeInViewport({ ratio: 1 });
  await expect(last.getByRole("heading", { level: 2 })).toBeInViewport({ ratio: 1 });
  await page.getByRole("button", { name: "Previous column" }).click();
  await expect(page.getByText("Columns 1–3 of 4")).toBeVisible();

  // Tables scroll inside their own box; no word is split across lines.
  const cells = page.locator(".md td, .md th");
  expect(await cells.count()).toBeGreaterThan(4);
  expect(await wordsSplitAcrossLines(cells)).toEqual([]);
});

test("one row per turn: the prompt once, every model's answer to a turn starting level", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/c/${conversationId}`);
  await expect(page.getByRole("group", { name: "Asked in turn 1" })).toContainText(PROMPTS[0]);
  await expect(page.getByRole("group", { name: "Asked in turn 2" })).toContainText(PROMPTS[1]);
  await expect(page.getByText(PROMPTS[1])).toHaveCount(1);
  for (const turn of [0, 1]) {
    const answers = NAMES.map((name) => column(page, name).getByRole("article").nth(turn));
    const y = await tops(answers);
    expect(Math.max(...y) - Math.min(...y), `turn ${turn + 1} answers start level`).toBeLessThanOrEqual(1);
  }
  // Each turn's scorecards line up too.
  const scorecards = NAMES.map((name) => column(page, name).getByLabel(`Scorecard of ${name}`, { exact: false }).nth(1));
  const y = await tops(scorecards);
  expect(Math.max(...y) - Math.min(...y)).toBeLessThanOrEqual(1);

  // Scroll together off: each answer scrolls in its own box; back on: the turn scrolls as one.
  const together = page.getByRole("switch", { name: "Scroll together" });
  await expect(together).toBeChecked();
  await together.uncheck();
  const box = column(page, "Atlas Large").getByRole("article").first().locator("..");
  expect(await box.evaluate((el) => getComputedStyle(el).overflowY)).toBe("auto");
  await together.check();
  expect(await box.evaluate((el) => getComputedStyle(el).overflowY)).toBe("visible");
});

test("a column can be focused, the others collapse to their headers, and all come back", async ({ page }) => {
  await page.goto(`/c/${conversationId}`);
  await column(page, "Coder Pro").getByRole("button", { name: /^Focus Coder Pro/ }).click();
  await expect(page.getByRole("region", { name: /answers$/ })).toHaveCount(1);
  const collapsed = page.getByRole("group", { name: "Collapsed columns" });
  for (const name of ["Atlas Large", "Sage Reasoner", "Swift Mini"]) await expect(collapsed.getByRole("button", { name: new RegExp(`^Focus ${name}`) })).toBeVisible();
  await collapsed.getByRole("button", { name: /^Focus Swift Mini/ }).click();
  await expect(column(page, "Swift Mini")).toBeVisible();
  await expect(column(page, "Coder Pro")).toHaveCount(0);
  await collapsed.getByRole("button", { name: "Show all columns" }).click();
  await expect(page.getByRole("region", { name: /answers$/ })).toHaveCount(4);
});

test("the sidebar collapses by button and shortcut, and stays as it was left", async ({ page }) => {
  await page.goto(`/c/${conversationId}`);
  const sidebar = page.getByRole("complementary", { name: "Sidebar", exact: true });
  await sidebar.getByRole("button", { name: "Collapse sidebar" }).click();
  await expect(sidebar).toBeHidden();
  await page.reload();
  await expect(page.getByRole("button", { name: "Expand sidebar" })).toBeVisible();
  await expect(sidebar).toBeHidden();
  // Keys reach the app once its script runs: the conversation it loads says it has.
  await expect(column(page, "Atlas Large")).toBeVisible();
  await page.keyboard.press("Control+Shift+S");
  await expect(sidebar).toBeVisible();
  await page.reload();
  await expect(sidebar).toBeVisible();
});

test("keyboard: ? lists the shortcuts, / focuses the prompt, ] and [ move between columns", async ({ page }) => {
  await page.goto(`/c/${conversationId}`);
  await expect(column(page, "Atlas Large")).toHaveAttribute("aria-busy", "false");
  await page.locator("body").press("?");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const action of ["Focus the prompt", "New comparison", "Stop all answers", "Next column", "Previous column", "Show or hide the sidebar"]) await expect(overlay.getByText(action)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();

  await page.keyboard.press("/");
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("]");
  await expect(column(page, "Coder Pro")).toBeFocused();
  await page.keyboard.press("]");
  await expect(column(page, "Sage Reasoner")).toBeFocused();
  await page.keyboard.press("[");
  await expect(column(page, "Coder Pro")).toBeFocused();

  await page.keyboard.press("Control+Shift+O");
  await expect(page).toHaveURL(/\/$/);
});
