// Sharing as people do it: the owner shares a comparison; someone with no session opens
// the link and sees every column with its stats; the owner revokes it (the page then says
// so, with HTTP 410); a fresh link is continued into a new conversation.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, csrfHeaders } from "./accounts";

const MODELS = ["Swift Mini", "Atlas Large", "Echo Free"];
const column = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}.* answers$`) });

/** Creates a finished three-column comparison through the chat API (reading the whole SSE body), its answers fused by Atlas Large. */
async function createConversation(page: Page): Promise<string> {
  const response = await page.request.post("/api/chat", {
    headers: await csrfHeaders(page),
    data: {
      prompt: "Compare two sorting algorithms [[sandbox:tokens=30]]",
      columns: [{ modelId: "sandbox/swift-mini", systemPrompt: "Secret house style: ZEBRA-42" }, { modelId: "sandbox/atlas-large" }, { modelId: "sandbox/echo-free" }],
    },
  });
  expect(response.ok()).toBe(true);
  const text = await response.text();
  const id = /"conversationId":"([^"]+)"/.exec(text)?.[1];
  const promptId = /"userMessageId":"([^"]+)"/.exec(text)?.[1];
  expect(id && promptId).toBeTruthy();
  const fused = await page.request.post("/api/chat/fuse", { headers: await csrfHeaders(page), data: { promptId, modelId: "sandbox/atlas-large" } });
  expect(await fused.text()).toContain('"type":"column-end"');
  return id!;
}

async function shareFromChat(page: Page, conversationId: string, expiry: string): Promise<string> {
  await page.goto(`/c/${conversationId}`);
  for (const name of MODELS) await expect(column(page, name)).toBeVisible();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this comparison" });
  await expect(dialog.getByRole("checkbox", { name: /System prompts/ })).not.toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: /Cost and token stats/ })).toBeChecked();
  await dialog.getByLabel("Link expires").selectOption(expiry);
  const newLink = dialog.getByRole("radio", { name: /Create new link/ });
  if (await newLink.isVisible()) await newLink.check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{32}$/);
  await expect(dialog.getByRole("button", { name: "Copy link" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close share dialog" }).click();
  return url;
}

test("share, view without a session, revoke (410), and continue a fresh link", async ({ page, browser }) => {
  const conversationId = await createConversation(page);
  const url = await shareFromChat(page, conversationId, "7d");
  const token = url.split("/share/")[1];

  // Someone else: a fresh browser context, no cookies.
  // (Contexts made in a test inherit the project's signed-in state unless told otherwise.)
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guestPage = await guest.newPage();
  const first = await guestPage.goto(url);
  expect(first?.status()).toBe(200);
  await expect(guestPage).toHaveTitle(/Compare two sorting algorithms/);
  await expect(guestPage.locator('meta[property="og:description"]')).toHaveAttribute("content", /Swift Mini.*Atlas Large.*Echo Free/);
  await expect(guestPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(guestPage.getByText(/^Total/)).toBeVisible();
  // The product and a way into it, for a visitor who has never heard of it.
  await expect(guestPage.getByRole("link", { name: "Switchyard home" })).toBeVisible();
  await expect(guestPage.getByRole("link", { name: "Sign in to Switchyard" })).toBeVisible();
  await expect(guestPage.getByRole("group", { name: "Asked in turn 1" })).toContainText("Compare two sorting algorithms");
  for (const name of MODELS) {
    const region = column(guestPage, name);
    await expect(region).toBeVisible();
    for (const term of ["In", "Out", "Cost", "TTFT", "Speed", "Time"]) {
      await expect(region.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
    }
    await expect(region.getByRole("button", { name: /Regenerate|Stop|settings/i })).toHaveCount(0);
  }
  await expect(guestPage.getByRole("textbox", { name: "Prompt" })).toHaveCount(0);
  await expect(guestPage.getByText("ZEBRA-42")).toHaveCount(0);
  // The fused answer, read-only: no versions to switch, nothing to continue with.
  const fused = guestPage.getByRole("article", { name: "Fused answer of turn 1" });
  await expect(fused).toContainText("by Atlas Large");
  await expect(fused.getByRole("button")).toHaveCount(0);

  // The owner revokes it on /shared; the next view says so, with 410.
  await page.getByRole("link", { name: "Shared links" }).click();
  await expect(page).toHaveURL(/\/shared$/);
  const row = page.getByRole("row").filter({ hasText: `/share/${token.slice(0, 6)}` });
  await expect(row.getByText("active", { exact: true })).toBeVisible();
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await row.getByRole("button", { name: /^Revoke link/ }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row.getByText("revoked", { exact: true })).toBeVisible();

  const gone = await guestPage.reload();
  expect(gone?.status()).toBe(410);
  await expect(guestPage.getByRole("heading", { name: "This shared link is no longer available" })).toBeVisible();
  for (const name of MODELS) await expect(column(guestPage, name)).toHaveCount(0);

  const unknown = await guestPage.goto(`/share/${"Z".repeat(32)}`);
  expect(unknown?.status()).toBe(404);
  await expect(guestPage.getByRole("heading", { name: "This shared link is no longer available" })).toBeVisible();

  // A fresh link, continued by the visitor: sign in first, then straight to the copy.
  const freshUrl = await shareFromChat(page, conversationId, "never");
  await guestPage.goto(freshUrl);
  await guestPage.getByRole("link", { name: "Continue this comparison" }).click();
  await expect(guestPage).toHaveURL(/\/login\?next=/);
  await guestPage.getByLabel("Email").fill(ADMIN.email);
  await guestPage.getByLabel("Password").fill(ADMIN.password);
  await guestPage.getByRole("button", { name: "Sign in" }).click();
  await expect(guestPage).toHaveURL(/\/c\/[^/]+$/);
  expect(guestPage.url()).not.toContain(conversationId);
  // Titled as a copy, so the sidebar does not show the same title twice.
  await expect(guestPage.getByRole("heading", { level: 1 })).toHaveText("Compare two sorting algorithms (copy)");
  await expect(guestPage.getByRole("group", { name: "Asked in turn 1" })).toContainText("Compare two sorting algorithms");
  for (const name of MODELS) await expect(column(guestPage, name)).toBeVisible();
  await expect(guestPage.getByRole("article", { name: "Fused answer of turn 1" }).getByRole("button", { name: "Continue with the fused answer of turn 1" })).toBeVisible();
  await expect(guestPage.getByRole("textbox", { name: "Prompt" })).toBeVisible();
  await guest.close();
});
