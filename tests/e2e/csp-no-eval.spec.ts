// The strict CSP holds without violations: the chatroom and a conversation page load and
// stream an answer without any script evaluating a string ('unsafe-eval' is not allowed, and
// the policy stays as strict as it is). Violations are collected both as the page's
// securitypolicyviolation events and as Chromium's console errors.
import { expect, test, type Page } from "@playwright/test";
import { pickModels } from "./pick-models";

async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|unsafe-eval/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

test("the chatroom and a conversation page run under the CSP without a single violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/");
  await pickModels(page, ["Swift Mini"]);
  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.fill("Say hello [[sandbox:tokens=12]]");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  const answers = page.getByRole("region", { name: /^Swift Mini.* answers$/ });
  await expect(answers).toHaveAttribute("aria-busy", "false");
  expect(await violations()).toEqual([]);

  // A fresh load of the conversation page: its own bundle, from the first script on.
  await page.reload();
  await expect(page.getByRole("region", { name: /^Swift Mini.* answers$/ })).toHaveAttribute("aria-busy", "false");
  await page.getByRole("checkbox", { name: "Calculator" }).check();
  await expect(page.getByRole("checkbox", { name: "Calculator" })).toBeChecked();
  expect(await violations()).toEqual([]);
});
