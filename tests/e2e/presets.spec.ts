// Presets, the response cache and usage detail, as a person uses them: save a preset in
// Settings, pick it as a chatroom column and get an answer; call the API twice with a key that
// caches responses and see the second call on /usage as a $0 cached answer with its savings;
// share the cache across the team.
import { expect, test, type Page } from "@playwright/test";
import { csrfHeaders } from "./accounts";
import { pickModels } from "./pick-models";
import { screenshots } from "./screenshots";

test("save a preset in Settings, then use it as a chatroom column", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const name = `Quick drafts ${suffix}`;
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Presets" });
  const form = section.getByRole("form", { name: "New preset" });
  await form.getByLabel("Name").fill(name);
  await expect(form.getByLabel("Slug")).toHaveValue(`quick-drafts-${suffix}`);
  await form.getByLabel("Add a model").fill("sandbox/nothing-here");
  await form.getByRole("button", { name: "Add model" }).click();
  await form.getByRole("button", { name: "Create preset" }).click();
  await expect(form.getByRole("alert")).toContainText("models.0");
  await form.getByRole("button", { name: "Remove sandbox/nothing-here" }).click();

  for (const model of ["sandbox/atlas-large", "sandbox/swift-mini"]) {
    await form.getByLabel("Add a model").fill(model);
    await form.getByRole("button", { name: "Add model" }).click();
  }
  await form.getByRole("button", { name: "Move sandbox/swift-mini up" }).click();
  await expect(form.getByRole("list", { name: "Models in order" }).getByRole("listitem").first()).toContainText("sandbox/swift-mini");
  await form.getByLabel("System prompt (optional)").fill("Answer in one short paragraph.");
  await form.getByLabel("Temperature").fill("0.3");
  await form.getByLabel("Provider order").selectOption("price");
  await form.getByRole("button", { name: "Create preset" }).click();

  const item = section.getByRole("listitem", { name });
  await expect(item).toContainText(`@preset/quick-drafts-${suffix}`);
  await expect(item).toContainText("sandbox/swift-mini → sandbox/atlas-large");
  await expect(item).toContainText("temperature 0.3");
  await screenshots(page, "settings-presets", item);

  await page.goto("/");
  await pickModels(page, [name]);
  const search = page.getByRole("combobox", { name: "Search models" });
  await search.fill("quick");
  await screenshots(page, "picker-presets", search);
  await search.fill("");
  await search.press("Escape");
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await prompt.fill("Summarise what a preset is [[sandbox:tokens=30]]");
  await prompt.press("Enter");
  const region = page.getByRole("region", { name: new RegExp(`^${name}.* answers$`) });
  await expect(region).toBeVisible();
  await expect(region).toHaveAttribute("aria-busy", "false", { timeout: 30_000 });
  await expect(region.getByRole("alert")).toHaveCount(0);
  await screenshots(page, "chat-preset-column", region);

  // Edit, then delete after confirming.
  await page.goto("/settings");
  await section.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = section.getByRole("form", { name: `Edit preset ${name}` });
  await edit.getByLabel("Temperature").fill("0.9");
  await edit.getByRole("button", { name: "Save preset" }).click();
  await expect(section.getByRole("listitem", { name })).toContainText("temperature 0.9");
  await section.getByRole("button", { name: `Delete ${name}` }).click();
  await section.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(section.getByRole("listitem", { name })).toHaveCount(0);
});

test("a key that caches responses: the repeat costs $0 and shows on /usage with its savings", async ({ page }) => {
  const keyName = `Cached ${Date.now().toString(36)}`;
  await page.goto("/settings");
  const keys = page.getByRole("region", { name: "API keys" });
  const keyForm = keys.getByRole("form", { name: "Create API key" });
  await keyForm.getByLabel("Name").fill(keyName);
  await keyForm.getByLabel("Cache responses").check();
  await keyForm.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Your new API key" });
  const key = await dialog.getByRole("textbox", { name: "New API key" }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(keys.getByRole("listitem", { name: keyName })).toContainText("caches responses");

  const ask = () =>
    page.request.post("/api/v1/chat/completions", {
      headers: { authorization: `Bearer ${key}` },
      data: { model: "sandbox/atlas-large", messages: [{ role: "user", content: `What is a cache? ${keyName} [[sandbox:tokens=40]]` }] },
    });
  const first = await ask();
  expect(first.status()).toBe(200);
  const second = await ask();
  expect(second.headers()["x-switchyard-cache"]).toBe("hit");
  const [a, b] = [await first.json(), await second.json()];
  expect(b.choices[0].message.content).toBe(a.choices[0].message.content);
  expect(b.usage.cost).toBe(0);

  await page.goto("/usage");
  const cards = page.getByLabel("Usage summary");
  await expect(async () => {
    await page.reload();
    // A reload while the ledger row is still on its way shows 0; on a busy machine the cards alone take seconds.
    // (A retry of this test finds the first attempt's cached answer too.)
    await expect(cards.getByText(/\d+ cached answers?/)).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(cards.getByText("Cache savings")).toBeVisible();
  await expect(cards.getByText("Reasoning tokens")).toBeVisible();

  const log = page.getByRole("region", { name: "Activity" });
  const cachedRow = log.getByRole("row").filter({ hasText: "cached" }).first();
  await cachedRow.getByRole("button", { name: /^Details of sandbox\/atlas-large/ }).click();
  const detail = page.getByRole("dialog", { name: "sandbox/atlas-large" });
  await expect(detail.getByText("Served from the response cache")).toBeVisible();
  await expect(detail.getByText("what the original call cost")).toBeVisible();
  await screenshots(page, "usage-cache", detail);
  await detail.getByRole("button", { name: "Close details" }).click();
  await screenshots(page, "usage-summary", cards);

  // Admins share the cache across the team; the choice is kept.
  await page.goto("/settings");
  const cache = page.getByRole("region", { name: "Response cache" });
  const share = cache.getByLabel("Share cached answers across the team");
  // Disabled until the current setting has loaded.
  await expect(share).toBeEnabled();
  await expect(share).not.toBeChecked();
  await share.check();
  await expect(share).toBeChecked();
  await page.reload();
  await expect(cache.getByLabel("Share cached answers across the team")).toBeChecked();
  const restored = await page.request.put("/api/settings/response-cache", { headers: await csrfHeaders(page), data: { shared: false } });
  expect(restored.status()).toBe(200);
});
