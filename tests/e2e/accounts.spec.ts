// Two members of one Switchyard, each with a conversation. The second can neither open the
// first's conversation, nor see or revoke the first's share link, nor read the first's
// usage; the admin sees both.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { csrfHeaders, signIn } from "./accounts";
import { pickModels } from "./pick-models";

const ANA = { name: "Ana Member", email: "ana@e2e.test", password: "ana-password-1" };
const BO = { name: "Bo Member", email: "bo@e2e.test", password: "bo-password-1" };

async function addMember(page: Page, user: typeof ANA) {
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("First password").fill(user.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`Added ${user.email}`);
}

async function memberPage(browser: Browser, user: typeof ANA): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

/** Sends one prompt to Swift Mini and waits for the answer; returns the conversation id. */
async function converse(page: Page, prompt: string): Promise<string> {
  await page.goto("/");
  await pickModels(page, ["Swift Mini"]);
  await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await page.getByRole("textbox", { name: "Prompt" }).press("Enter");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  await expect(page.getByRole("region", { name: /^Swift Mini.* answers$/ })).toHaveAttribute("aria-busy", "false", { timeout: 30_000 });
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("a member cannot open, share-manage or read the usage of another member; the admin sees both", async ({ page: admin, browser }) => {
  await addMember(admin, ANA);
  await addMember(admin, BO);

  const ana = await memberPage(browser, ANA);
  const anaConversation = await converse(ana, "Ana's private plan for the launch [[sandbox:tokens=20]]");
  await ana.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = ana.getByRole("dialog", { name: "Share this comparison" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByRole("textbox", { name: "Share link" })).toHaveValue(/\/share\//);
  const anaLinks = (await (await ana.request.get(`/api/share?conversationId=${anaConversation}`)).json()) as { links: { id: string }[] };
  const anaLinkId = anaLinks.links[0].id;
  const anaId = ((await (await ana.request.get("/api/auth/me")).json()) as { user: { id: string } }).user.id;

  const bo = await memberPage(browser, BO);
  await converse(bo, "Bo's own question [[sandbox:tokens=20]]");

  // Ana's conversation URL: not found, and none of its text.
  await bo.goto(`/c/${anaConversation}`);
  await expect(bo.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
  await expect(bo.getByText("Ana's private plan")).toHaveCount(0);
  expect((await bo.request.get(`/api/conversations/${anaConversation}`)).status()).toBe(404);

  // Share links: Bo's list has only his own (none), and revoking Ana's link is refused.
  await bo.goto("/shared");
  await expect(bo.getByText("Ana's private plan")).toHaveCount(0);
  expect((await bo.request.delete(`/api/share/${anaLinkId}`, { headers: await csrfHeaders(bo) })).status()).toBe(404);
  expect((await bo.request.post("/api/share", { headers: await csrfHeaders(bo), data: { conversationId: anaConversation, includeSystemPrompts: false, includeStats: true, expiresIn: "never" } })).status()).toBe(404);
  const stillLive = (await (await ana.request.get(`/api/share?conversationId=${anaConversation}`)).json()) as { links: { status: string }[] };
  expect(stillLive.links[0].status).toBe("active");

  // Usage: Bo sees his one request; asking for Ana's is forbidden, and there is no user picker.
  await expect.poll(async () => ((await (await bo.request.get("/api/usage/summary?range=month")).json()) as { requests: number }).requests).toBe(1);
  await bo.goto("/usage");
  const requests = bo.getByLabel("Usage summary").locator("div", { has: bo.getByText("Requests", { exact: true }) }).locator("dd").first();
  await expect(requests).toHaveText("1");
  await expect(bo.getByLabel("Whose usage")).toHaveCount(0);
  expect((await bo.request.get(`/api/usage/summary?range=month&user=${anaId}`)).status()).toBe(403);
  await bo.goto("/users");
  await expect(bo.getByRole("alert").filter({ hasText: "Only an admin can manage users" })).toBeVisible();

  // The admin: every user's usage, by user.
  await admin.goto("/usage");
  await admin.getByLabel("Whose usage").selectOption("all");
  await admin.getByLabel("Group by").selectOption("user");
  const breakdown = admin.getByRole("region", { name: "Breakdown" });
  await expect(breakdown.getByText(ANA.email)).toBeVisible();
  await expect(breakdown.getByText(BO.email)).toBeVisible();
});

test("signing out ends the session; a wrong password is refused with a clear message", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/usage");
  await expect(page).toHaveURL(/\/login\?next=%2Fusage$/);
  await page.getByLabel("Email").fill("admin@e2e.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right" })).toBeVisible();
  await page.getByLabel("Password").fill("e2e-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/usage$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/conversations")).status()).toBe(401);
  await context.close();
});
