// Export a comparison as Markdown and JSON from its header, import the JSON back from the
// sidebar: a new conversation with the same columns and answers, marked imported.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { column, createComparison } from "./comparison";

test("export then import round-trips a comparison", async ({ page }, testInfo) => {
  const title = `Rivers and canals ${Date.now().toString(36)}`;
  const id = await createComparison(page, ["sandbox/swift-mini", "sandbox/coder-pro"], [`${title} [[sandbox:tokens=25]]`, "And locks? [[sandbox:tokens=15]]"]);
  await page.goto(`/c/${id}`);
  await expect(column(page, "Coder Pro")).toHaveAttribute("aria-busy", "false");
  const original = await column(page, "Coder Pro").getByRole("article").nth(1).innerText();

  const exportAs = async (label: string) => {
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: label }).click()]);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    return file;
  };
  const md = await exportAs("Export as Markdown");
  expect(md).toMatch(/rivers-and-canals-[a-z0-9-]+\.md$/);
  const markdown = fs.readFileSync(md, "utf8");
  expect(markdown).toContain(`# ${title}`);
  expect(markdown).toContain("### Coder Pro (simulated)");
  expect(markdown).toContain("## Turn 2");

  const json = await exportAs("Export as JSON");
  const file = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(file).toMatchObject({ format: "switchyard.conversation", version: 1, title });
  expect(file.turns).toHaveLength(2);

  const sidebar = page.getByRole("complementary", { name: "Sidebar", exact: true });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), sidebar.getByRole("button", { name: "Import conversation" }).click()]);
  await chooser.setFiles(json);
  await expect(page).not.toHaveURL(new RegExp(id));
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("group", { name: "Asked in turn 2" })).toContainText("And locks?");
  const coder = column(page, "Coder Pro");
  expect(await coder.getByRole("article").nth(1).innerText()).toBe(original);
  await expect(coder.getByText("imported", { exact: true })).toHaveCount(2);
  // Nothing was spent on the copy: its total is $0, the answers' own costs stay visible.
  await expect(page.getByText(/^Total/)).toHaveText("Total $0");
  await expect(sidebar.getByRole("link", { name: new RegExp(title) })).toHaveCount(2);
});

test("an invalid file is refused with the server's reason", async ({ page }, testInfo) => {
  await page.goto("/");
  const bad = testInfo.outputPath("not-an-export.json");
  fs.writeFileSync(bad, JSON.stringify({ hello: "world" }));
  const sidebar = page.getByRole("complementary", { name: "Sidebar", exact: true });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), sidebar.getByRole("button", { name: "Import conversation" }).click()]);
  await chooser.setFiles(bad);
  await expect(sidebar.getByRole("alert")).toContainText(/Import failed: format: must be "switchyard.conversation"/);
});
