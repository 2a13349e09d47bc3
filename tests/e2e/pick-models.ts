// Picks models in the chatroom's searchable picker, as a person does: search, click, see its chip.
import { expect, type Page } from "@playwright/test";

export async function pickModels(page: Page, names: string[]) {
  const search = page.getByRole("combobox", { name: "Search models" });
  await search.click();
  for (const name of names) {
    await search.fill(name.split(" ")[0]);
    await page.getByRole("option", { name: new RegExp(name) }).click();
    await expect(page.getByRole("button", { name: new RegExp(`^Remove ${name}`) })).toBeVisible();
  }
  await search.fill("");
  await search.press("Escape");
}
