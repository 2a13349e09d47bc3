// Every route that reads a body gets 1,000 malformed ones (tests/fuzz/malformed-bodies.ts),
// signed in as the admin with a valid CSRF token so they reach validation: each must be
// answered 4xx, never 5xx, and afterwards the server is healthy and nothing has changed.
import { expect, test } from "@playwright/test";
import { malformedBodies, oversizedBody } from "../fuzz/malformed-bodies";
import { csrfHeaders } from "./accounts";
import { MAX_BODY_BYTES } from "../../lib/http/body-limit";

const PER_ROUTE = 1_000;
const CONCURRENCY = 8;

const ROUTES: { method: string; path: string; fields: string[]; apiKey?: boolean }[] = [
  { method: "POST", path: "/api/auth/setup", fields: ["email", "name", "password"] },
  { method: "POST", path: "/api/auth/login", fields: ["email", "password"] },
  { method: "POST", path: "/api/auth/password", fields: ["currentPassword", "newPassword"] },
  { method: "POST", path: "/api/users", fields: ["email", "name", "password", "role", "monthlyBudgetUsd"] },
  { method: "PATCH", path: "/api/users/:self", fields: ["name", "role", "monthlyBudgetUsd", "disabled", "password"] },
  { method: "POST", path: "/api/chat", fields: ["conversationId", "prompt", "columns", "tools"] },
  { method: "POST", path: "/api/chat/regenerate", fields: ["messageId"] },
  { method: "POST", path: "/api/chat/stop", fields: ["messageId", "conversationId"] },
  { method: "POST", path: "/api/chat/estimate", fields: ["conversationId", "prompt", "columns"] },
  { method: "PATCH", path: "/api/conversations/fuzz-missing", fields: ["title"] },
  { method: "POST", path: "/api/keys", fields: ["name", "creditLimitUsd", "creditReset", "rpm", "rpd", "tpm", "logPrompts", "expiresAt"] },
  { method: "POST", path: "/api/share", fields: ["conversationId", "includeSystemPrompts", "includeStats", "expiresIn", "updateExisting"] },
  { method: "PUT", path: "/api/providers/openai/credential", fields: ["apiKey", "baseUrl", "models"] },
  { method: "POST", path: "/api/providers/custom", fields: ["name", "baseUrl", "apiKey", "models"] },
  { method: "POST", path: "/api/v1/chat/completions", fields: ["model", "messages", "models", "provider", "stream", "max_tokens", "temperature"], apiKey: true },
  { method: "POST", path: "/api/v1/responses", fields: ["model", "input", "instructions", "tools", "previous_response_id", "text", "stream", "max_output_tokens"], apiKey: true },
  { method: "POST", path: "/api/v1/messages", fields: ["model", "messages", "system", "max_tokens", "tools", "tool_choice", "thinking", "stream"], apiKey: true },
  { method: "POST", path: "/api/v1/messages/count_tokens", fields: ["model", "messages", "system", "tools"], apiKey: true },
];

test("1,000 malformed bodies per route: all 4xx, never 5xx, and the server stays healthy", async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  await page.goto("/settings");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const session = { cookie, ...(await csrfHeaders(page)) };
  const me = ((await (await page.request.get("/api/auth/me")).json()) as { user: { id: string } }).user;
  const created = await page.request.post("/api/keys", { headers: session, data: { name: "fuzz" } });
  expect(created.status()).toBe(201);
  const apiKey = ((await created.json()) as { key: string }).key;
  const before = { users: await count(page.request, "/api/users", "users"), keys: await count(page.request, "/api/keys", "keys") };

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (const [index, route] of ROUTES.entries()) {
    const url = baseURL + route.path.replace(":self", me.id);
    const auth = route.apiKey ? { authorization: `Bearer ${apiKey}` } : session;
    const bodies = [...malformedBodies(route.fields, PER_ROUTE - 1, index + 1), oversizedBody(MAX_BODY_BYTES)];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const response = await fetch(url, { method: route.method, headers: { ...auth, ...(body.contentType ? { "content-type": body.contentType } : {}) }, body: body.body });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 400 || response.status >= 500) failures.push(`${route.method} ${route.path} ${body.kind} → ${response.status}: ${body.body.slice(0, 80)}`);
        }
      }),
    );
  }
  console.log(`fuzz: ${ROUTES.length} routes × ${PER_ROUTE} bodies, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(failures.slice(0, 20)).toEqual([]);

  // Still healthy, and nothing was created or changed by any of it.
  expect((await page.request.get("/api/health")).status()).toBe(200);
  expect(await count(page.request, "/api/users", "users")).toBe(before.users);
  expect(await count(page.request, "/api/keys", "keys")).toBe(before.keys);
  const answer = await fetch(`${baseURL}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "Still there? [[sandbox:tokens=5]]" }] }),
  });
  expect(answer.status).toBe(200);
  await page.goto("/");
  await expect(page.getByRole("combobox", { name: "Search models" })).toBeVisible();
});

async function count(request: import("@playwright/test").APIRequestContext, path: string, field: string): Promise<number> {
  return ((await (await request.get(path)).json()) as Record<string, unknown[]>)[field].length;
}

const ID_ROUTES: { method: string; path: string; body?: string }[] = [
  { method: "GET", path: "/api/conversations/:id" },
  { method: "DELETE", path: "/api/conversations/:id" },
  { method: "PATCH", path: "/api/conversations/:id", body: '{"title":"renamed by fuzz"}' },
  { method: "DELETE", path: "/api/keys/:id" },
  { method: "DELETE", path: "/api/share/:id" },
  { method: "POST", path: "/api/share/:id/fork" },
  { method: "GET", path: "/api/usage/activity/:id" },
  { method: "PATCH", path: "/api/users/:id", body: '{"role":"admin"}' },
  { method: "POST", path: "/api/providers/:id/check" },
  { method: "PUT", path: "/api/providers/:id/credential", body: '{"apiKey":"sk-fuzz-not-a-key"}' },
  { method: "DELETE", path: "/api/providers/custom/:id" },
];

function junkIds(count: number): string[] {
  // (An empty id is another route: /api/conversations/ is the list.)
  const fixed = ["0", "-1", "null", "undefined", "..", "../..", "%2e%2e%2fusers", "a".repeat(5000), "' OR 1=1 --", '"><script>alert(1)</script>', "%00", "%ZZ", "🙂", "c" + "0".repeat(24)];
  const out = [...fixed];
  for (let i = 0; out.length < count; i++) out.push(`${i.toString(36)}-${"x".repeat(i % 40)}-${String.fromCharCode(33 + (i % 90))}`);
  return out.map((id) => (/%/.test(id) ? id : encodeURIComponent(id)));
}

test("ids that are not the caller's, or not ids at all, answer 4xx on every route that takes one", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await page.goto("/settings");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const headers = { cookie, ...(await csrfHeaders(page)), "content-type": "application/json" };
  const failures: string[] = [];
  for (const route of ID_ROUTES) {
    for (const id of junkIds(100)) {
      const response = await fetch(baseURL + route.path.replace(":id", id), { method: route.method, headers, body: route.body });
      await response.arrayBuffer();
      if (response.status < 400 || response.status >= 500) failures.push(`${route.method} ${route.path} id=${id.slice(0, 40)} → ${response.status}`);
    }
  }
  expect(failures.slice(0, 20)).toEqual([]);
  expect((await page.request.get("/api/health")).status()).toBe(200);
});
