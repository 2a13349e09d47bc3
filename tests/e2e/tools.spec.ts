// Built-in tools in the chatroom: switch on the calculator, ask a tool-capable sandbox model
// a sum, see the call, its result and the answer; the answer's cost covers both upstream calls.
import { expect, test } from "@playwright/test";
import { pickModels } from "./pick-models";

test("the calculator is called, its result shown, and both rounds are paid for", async ({ page, request }) => {
  await page.goto("/");
  await pickModels(page, ["Nimbus Tools"]);
  const tools = page.getByRole("group", { name: "Tools" });
  await tools.getByRole("checkbox", { name: "Calculator" }).check();

  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.fill("What is 0.1+0.2?");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);

  const region = page.getByRole("region", { name: /^Nimbus Tools.* answers$/ });
  await expect(region).toHaveAttribute("aria-busy", "false");
  const call = region.getByRole("list", { name: "Tool calls" }).getByText("Tool: calculator");
  await expect(call).toBeVisible();
  await call.click();
  await expect(region.getByRole("definition").filter({ hasText: /^0\.3$/ })).toBeVisible();
  await expect(region.getByText(/0\.1\+0\.2 = 0\.3/)).toBeVisible();

  // The saved answer: tools persisted, the trace kept, its cost the sum of its two ledger rows.
  const conversationId = page.url().split("/c/")[1];
  const conversation = await (await request.get(`/api/conversations/${conversationId}`)).json();
  expect(conversation.enabledTools).toEqual(["calculator"]);
  const answer = conversation.messages.find((m: { role: string }) => m.role === "assistant");
  expect(answer.toolTrace).toHaveLength(1);
  // Ledger rows are committed off the answer's path, within milliseconds: ask until both are final.
  const ledgerSum = async () => {
    const activity = await (await request.get(`/api/usage/activity?conversationId=${conversationId}&limit=50`)).json();
    const rows = activity.rows as { costPico: string; status: string }[];
    return rows.length === 2 && rows.every((r) => r.status !== "streaming") ? rows.reduce((n, r) => n + BigInt(r.costPico), 0n) : null;
  };
  await expect.poll(ledgerSum).toBe(BigInt(answer.stats.costPico));
  expect(BigInt(answer.stats.costPico)).toBeGreaterThan(0n);

  await page.reload();
  await expect(page.getByRole("group", { name: "Tools" }).getByRole("checkbox", { name: "Calculator" })).toBeChecked();
  await expect(region.getByText("Tool: calculator")).toBeVisible();
});
