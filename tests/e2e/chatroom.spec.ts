// The chatroom as a person uses it: pick models, ask, watch columns stream, stop one,
// reload, rename, delete. Sandbox models only; prompt directives shape their answers
// ([[sandbox:slow]] = ten times slower, [[sandbox:tokens=N]] = exactly N tokens).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { pickModels } from "./pick-models";

async function send(page: Page, prompt: string) {
  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.fill(prompt);
  await box.press("Enter");
}

const column = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}.* answers$`) });

async function expectFinishedWithStats(region: Locator) {
  await expect(region).toHaveAttribute("aria-busy", "false");
  for (const term of ["In", "Out", "Cost", "TTFT", "Speed", "Time"]) {
    await expect(region.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }).last()).toBeVisible();
  }
  await expect(region.getByTitle("Cost of this answer").last()).toContainText("$");
}

test("three models stream side by side, one is stopped, and it all survives a reload", async ({ page }) => {
  await page.goto("/");
  await pickModels(page, ["Swift Mini", "Nimbus Tools", "Atlas Large"]);
  await expect(page.getByText(/This turn: up to \$[\d.]+ across 3 models/)).toBeVisible();

  await send(page, "Compare quicksort and mergesort [[sandbox:slow]] [[sandbox:tokens=40]]");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);

  const swift = column(page, "Swift Mini");
  const nimbus = column(page, "Nimbus Tools");
  const atlas = column(page, "Atlas Large");
  await expect(swift).toBeVisible();
  await expect(nimbus).toBeVisible();
  await expect(atlas).toBeVisible();

  // Stop the slow, expensive one once it has started answering.
  await expect(atlas).toHaveAttribute("aria-busy", "true");
  await expect(atlas.getByText("Waiting for the first token…")).toBeHidden();
  // Stop sits in the column's header, which keeps to its column's width while it streams.
  const stop = atlas.getByRole("button", { name: /^Stop Atlas Large/ });
  const [region, button] = [(await atlas.boundingBox())!, (await stop.boundingBox())!];
  expect(button.x + button.width).toBeLessThanOrEqual(region.x + region.width);
  await stop.click();
  await expect(atlas).toHaveAttribute("aria-busy", "false");
  await expect(atlas.getByText("stopped", { exact: true })).toBeVisible();

  await expectFinishedWithStats(swift);
  await expectFinishedWithStats(nimbus);
  await expect(page.getByRole("button", { name: "Stop all" })).toBeHidden();
  await expect(swift.getByRole("button", { name: /^Regenerate Swift Mini/ })).toBeVisible();
  const answerText = await swift.getByRole("article").first().innerText();

  await page.reload();
  // The prompt is shown once, across every column.
  await expect(page.getByRole("group", { name: /^Asked in turn/ })).toHaveCount(1);
  await expect(page.getByRole("group", { name: "Asked in turn 1" })).toContainText("Compare quicksort and mergesort");
  await expect(swift.getByText(/Compare quicksort/)).toHaveCount(0);
  await expect(atlas.getByText("stopped", { exact: true })).toBeVisible();
  await expectFinishedWithStats(swift);
  await expectFinishedWithStats(nimbus);
  // The saved answer is the one that streamed.
  expect((await swift.getByRole("article").first().innerText()).split("\n")[0]).toBe(answerText.split("\n")[0]);
  const current = page.getByRole("complementary", { name: "Sidebar" }).getByRole("link", { name: /Compare quicksort and mergesort/ }).and(page.locator("[aria-current=page]"));
  await expect(current).toBeVisible();
});

test("Stop all stops every column", async ({ page }) => {
  await page.goto("/");
  await pickModels(page, ["Swift Mini", "Echo Free"]);
  await send(page, "Tell me about rivers [[sandbox:slow]]");
  await expect(page).toHaveURL(/\/c\//);
  await expect(column(page, "Echo Free")).toHaveAttribute("aria-busy", "true");
  await page.getByRole("button", { name: "Stop all" }).click();
  for (const name of ["Swift Mini", "Echo Free"]) {
    await expect(column(page, name)).toHaveAttribute("aria-busy", "false");
    await expect(column(page, name).getByText("stopped", { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
});

test("regenerate replaces one column's answer", async ({ page }) => {
  await page.goto("/");
  await pickModels(page, ["Swift Mini", "Coder Pro"]);
  await send(page, "Write a haiku about trains [[sandbox:tokens=12]]");
  await expect(page).toHaveURL(/\/c\//);
  const swift = column(page, "Swift Mini");
  await expectFinishedWithStats(swift);
  await expectFinishedWithStats(column(page, "Coder Pro"));
  await swift.getByRole("button", { name: /^Regenerate Swift Mini/ }).click();
  await expectFinishedWithStats(swift);
  await page.reload();
  await expect(swift.getByRole("article")).toHaveCount(1);
  await expectFinishedWithStats(swift);
});

test("a conversation can be renamed and deleted from the sidebar", async ({ page }) => {
  await page.goto("/");
  // Unique titles keep the test honest when it runs again against the same database.
  const original = `Hello there ${Date.now().toString(36)}`;
  const renamed = `Trains ${Date.now().toString(36)}`;
  await pickModels(page, ["Swift Mini"]);
  await send(page, `${original} [[sandbox:tokens=5]]`);
  await expect(page).toHaveURL(/\/c\//);
  await expect(column(page, "Swift Mini")).toHaveAttribute("aria-busy", "false");

  const sidebar = page.getByRole("complementary", { name: "Sidebar" });
  await sidebar.getByRole("button", { name: `Rename conversation ${original}` }).click();
  const title = sidebar.getByRole("textbox", { name: "Conversation title" });
  await title.fill(renamed);
  await title.press("Enter");
  await expect(sidebar.getByRole("link", { name: renamed })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();

  await page.reload();
  await expect(sidebar.getByRole("link", { name: renamed })).toBeVisible();

  await sidebar.getByRole("button", { name: `Delete conversation ${renamed}` }).click();
  await sidebar.getByRole("button", { name: `Confirm delete conversation ${renamed}` }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(sidebar.getByRole("link", { name: renamed })).toHaveCount(0);
});

test("a model failing mid-answer shows its error inside its own column", async ({ page }) => {
  await page.goto("/");
  await pickModels(page, ["Swift Mini"]);
  await send(page, "Describe a lighthouse [[sandbox:error-after=3]]");
  await expect(page).toHaveURL(/\/c\//);
  const swift = column(page, "Swift Mini");
  await expect(swift).toHaveAttribute("aria-busy", "false");
  await expect(swift.getByRole("alert")).toContainText("simulated failure mid-stream");
  await expect(swift.getByText("error", { exact: true })).toBeVisible();
  // The app itself carries on: the composer is ready for the next prompt.
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
  await page.reload();
  await expect(swift.getByRole("alert")).toContainText("simulated failure mid-stream");
});
