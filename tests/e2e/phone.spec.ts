// On a phone: one model at a time per turn, tabs between the models, every model's figures
// in a compact strip, and nothing wider than the screen.
import { expect, test } from "@playwright/test";
import { createComparison } from "./comparison";

test.use({ viewport: { width: 390, height: 844 } });

test("tabs per turn show one model's answer at a time, with every model's figures beside", async ({ page }) => {
  const id = await createComparison(page, ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/coder-pro"], ["Describe a canal lock [[sandbox:tokens=30]]", "And a weir? [[sandbox:tokens=20]]"]);
  await page.goto(`/c/${id}`);
  const turn2 = page.getByRole("region", { name: "Turn 2" });
  const tabs = turn2.getByRole("tablist", { name: "Answers to turn 2" });
  await expect(tabs.getByRole("tab")).toHaveText(["Swift Mini", "Atlas Large", "Coder Pro"]);
  await expect(tabs.getByRole("tab", { name: "Swift Mini" })).toHaveAttribute("aria-selected", "true");
  const panel = turn2.getByRole("tabpanel");
  await expect(panel.getByRole("article", { name: /^Swift Mini/ })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(2);

  await tabs.getByRole("tab", { name: "Atlas Large" }).click();
  await expect(panel.getByRole("article", { name: /^Atlas Large/ })).toBeVisible();
  await tabs.getByRole("tab", { name: "Atlas Large" }).press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "Coder Pro" })).toBeFocused();
  await expect(panel.getByRole("article", { name: /^Coder Pro/ })).toBeVisible();
  // Turn 1 keeps its own choice.
  await expect(page.getByRole("region", { name: "Turn 1" }).getByRole("tab", { name: "Swift Mini" })).toHaveAttribute("aria-selected", "true");

  const strip = turn2.getByRole("table", { name: "Figures of every model for this turn" });
  await expect(strip.getByRole("row")).toHaveCount(4);
  for (const name of ["Swift Mini", "Atlas Large", "Coder Pro"]) await expect(strip.getByRole("rowheader", { name: new RegExp(name) })).toBeVisible();
  await expect(strip.getByText("Cheapest")).toHaveCount(1);
});
