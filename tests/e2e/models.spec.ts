// The models page as a person uses it: search, filter, tick models, compare them in the chatroom.
import { expect, test } from "@playwright/test";

test("search, filter free, select two sandbox models and compare them", async ({ page }) => {
  await page.goto("/models");
  await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search models" }).fill("simulated");
  await expect(page.getByRole("checkbox", { name: "Select Swift Mini (simulated)" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select OpenAI: GPT-4o-mini" })).toHaveCount(0);

  await page.getByRole("checkbox", { name: "Free", exact: true }).check();
  await expect(page.getByRole("checkbox", { name: "Select Swift Mini (simulated)" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Select Echo Free (simulated)" }).check();

  await page.getByRole("checkbox", { name: "Free", exact: true }).uncheck();
  await page.getByRole("searchbox", { name: "Search models" }).fill("swift");
  await page.getByRole("checkbox", { name: "Select Swift Mini (simulated)" }).check();

  await page.getByRole("button", { name: "Compare these (2)" }).click();
  await expect(page).toHaveURL(/\/\?models=/);
  const url = new URL(page.url());
  expect(url.pathname).toBe("/");
  expect(url.searchParams.get("models")?.split(",")).toEqual(["sandbox/echo-free", "sandbox/swift-mini"]);
});

test("a model no configured provider serves cannot be selected, and says which variable to set", async ({ page }) => {
  await page.goto("/models");
  await page.getByRole("searchbox", { name: "Search models" }).fill("devstral");
  const box = page.getByRole("checkbox", { name: "Select Mistral: Devstral 2 2512" });
  await expect(box).toBeDisabled();
  await expect(box).toHaveAccessibleDescription("Set MISTRAL_API_KEY to call this model");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("shows cards with prices and keeps selection and compare working", async ({ page }) => {
    await page.goto("/models");
    await page.getByRole("searchbox", { name: "Search models" }).fill("atlas");
    const card = page.getByRole("list", { name: "Models", exact: true }).getByRole("listitem").filter({ hasText: "Atlas Large (simulated)" });
    await expect(card).toContainText("$3");
    await expect(card).toContainText("$15");
    await page.getByRole("checkbox", { name: "Select Atlas Large (simulated)" }).check();
    await page.getByRole("button", { name: "Compare these (1)" }).click();
    await expect(page).toHaveURL(/\/\?models=sandbox\/atlas-large$/);
  });
});
