// The sidebar finds conversations by title and by what was said in them, grouped by day.
import { expect, test } from "@playwright/test";
import { createComparison } from "./comparison";

test("search by title and content; conversations grouped by day with their time", async ({ page }) => {
  const tag = Date.now().toString(36);
  await createComparison(page, ["sandbox/swift-mini"], [`Harbour pilots ${tag} [[sandbox:tokens=10]]`, `What about tugboats-${tag}? [[sandbox:tokens=10]]`]);
  await page.goto("/");
  const sidebar = page.getByRole("complementary", { name: "Sidebar", exact: true });
  await expect(sidebar.getByRole("group", { name: "Today" })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: new RegExp(`Harbour pilots ${tag}`) })).toContainText(/\d\d:\d\d · \$/);

  const search = sidebar.getByRole("searchbox", { name: "Search conversations" });
  await search.fill(`tugboats-${tag}`);
  const results = sidebar.getByRole("region", { name: "Search results" });
  await expect(results.getByRole("link")).toHaveCount(1);
  await expect(results.getByRole("link")).toContainText(`Harbour pilots ${tag}`);
  await expect(results.getByRole("link")).toContainText(`tugboats-${tag}`);
  await search.fill(`no such thing ${tag}`);
  await expect(sidebar.getByRole("status")).toHaveText("No conversation matches.");
  await search.fill("");
  await expect(sidebar.getByRole("link", { name: new RegExp(`Harbour pilots ${tag}`) })).toBeVisible();
});
