// Settings → API keys: a key is created with limits, shown exactly once with a copy button,
// listed by its prefix (never in full), and revoked after a confirmation.
import { expect, test } from "@playwright/test";

test("create an API key, see it once, copy it, find it in the list and revoke it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = `E2E key ${Date.now().toString(36)}`;
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "API keys" });
  await expect(section.getByRole("heading", { name: "API keys" })).toBeVisible();

  const form = section.getByRole("form", { name: "Create API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Credit limit (USD)").fill("1.5");
  await form.getByLabel("Credit resets").selectOption("weekly");
  await form.getByLabel("Requests per minute").fill("10");
  await form.getByLabel("Tokens per minute").fill("20000");
  await form.getByLabel("Log prompts").check();
  await form.getByRole("button", { name: "Create key" }).click();

  const dialog = page.getByRole("dialog", { name: "Your new API key" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("only time it will be shown");
  const keyBox = dialog.getByRole("textbox", { name: "New API key" });
  const key = await keyBox.inputValue();
  expect(key).toMatch(/^sk-sy-v1-[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Copy key" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  // The form is ready for another key.
  await expect(form.getByLabel("Name")).toHaveValue("");

  const item = section.getByRole("listitem", { name });
  await expect(item).toContainText(key.slice(0, 12) + "…");
  await expect(item).toContainText("active");
  await expect(item).toContainText("$0 of $1.50 this week (UTC)");
  await expect(item).toContainText("10 req/min · 20,000 tokens/min");
  await expect(item).toContainText("logs prompts");
  await expect(item).toContainText("never used");

  // Shown once: not on the page any more, nor after a reload.
  await expect(page.getByText(key)).toHaveCount(0);
  await page.reload();
  await expect(section.getByRole("listitem", { name })).toBeVisible();
  expect(await page.content()).not.toContain(key);

  // Revoking asks first; cancelling keeps the key.
  await item.getByRole("button", { name: `Revoke ${name}` }).click();
  await item.getByRole("button", { name: "Cancel" }).click();
  await expect(item).toContainText("active");
  await item.getByRole("button", { name: `Revoke ${name}` }).click();
  await item.getByRole("button", { name: `Yes, revoke ${name}` }).click();
  await expect(item).toContainText("revoked");
  await expect(item.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const listed = (await (await page.request.get("/api/keys")).json()) as { keys: { name: string; status: string }[] };
  expect(listed.keys.find((k) => k.name === name)?.status).toBe("revoked");
});
