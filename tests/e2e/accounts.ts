// Accounts for the end-to-end tests: the admin created from ADMIN_EMAIL at start, signing
// in through the form, and the CSRF header for API calls made beside the page.
import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };
export const ADMIN_STATE = "data/e2e-admin-state.json";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** What our own scripts send with a state-changing request: the session's CSRF token. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "sy_csrf");
  return { "x-csrf-token": cookie?.value ?? "" };
}
