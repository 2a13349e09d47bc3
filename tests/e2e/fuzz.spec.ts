// Every route that reads a body gets 1,000 malformed ones (tests/fuzz/malformed-bodies.ts),
// signed in as the admin with a valid CSRF token so they reach validation: each must be
// answered 4xx, never 5xx, and afterwards the server is healthy and nothing has changed.
// Every route that takes an id gets ids that are not the caller's or not ids at all; every
// route that reads a query string gets hostile ones; uploads get hostile names and bytes.
// Each refusal says what was wrong as JSON, and no answer shows a stack trace or a file path.
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
  { method: "POST", path: "/api/chat/fuse", fields: ["promptId", "modelId"] },
  { method: "POST", path: "/api/chat/select", fields: ["messageId"] },
  { method: "POST", path: "/api/chat/continue-with", fields: ["promptId", "answerId"] },
  { method: "PUT", path: "/api/conversations/fuzz-missing/columns", fields: ["columns"] },
  { method: "POST", path: "/api/conversations/import", fields: ["format", "version", "title", "tools", "columns", "turns"] },
  { method: "POST", path: "/api/presets", fields: ["slug", "name", "description", "models", "provider", "parameters", "systemPrompt", "team", "columns"] },
  { method: "PUT", path: "/api/presets/fuzz-missing", fields: ["slug", "name", "models", "columns"] },
  { method: "PUT", path: "/api/settings/sandbox", fields: ["mode"] },
  { method: "PUT", path: "/api/settings/response-cache", fields: ["shared"] },
  { method: "POST", path: "/api/votes", fields: ["conversationId", "turn", "outcome", "categories"] },
  { method: "PATCH", path: "/api/votes/fuzz-missing", fields: ["outcome", "categories"] },
  { method: "POST", path: "/api/arena/judge", fields: ["conversationId", "turn", "judgeModel"] },
  { method: "POST", path: "/api/leaderboard/share", fields: ["query", "expiresIn"] },
  { method: "POST", path: "/api/eval-sets", fields: ["name", "prompts"] },
  { method: "POST", path: "/api/eval-sets/fuzz-missing/estimate", fields: ["models", "maxTokens"] },
  { method: "POST", path: "/api/eval-sets/fuzz-missing/runs", fields: ["models", "costCapUsd", "concurrency", "maxTokens"] },
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
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 400 || response.status >= 500) failures.push(`${route.method} ${route.path} ${body.kind} → ${response.status}: ${body.body.slice(0, 80)}`);
          const problem = unclearOrLeaky(response.status, response.headers, text);
          if (problem) failures.push(`${route.method} ${route.path} ${body.kind} → ${response.status}: ${problem} ${text.slice(0, 80)}`);
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
  { method: "GET", path: "/api/conversations/:id/export" },
  { method: "PUT", path: "/api/conversations/:id/columns", body: '{"columns":[{"modelId":"sandbox/swift-mini"}]}' },
  { method: "PUT", path: "/api/presets/:id", body: '{"slug":"fuzz","name":"Fuzz","models":["sandbox/swift-mini"]}' },
  { method: "DELETE", path: "/api/presets/:id" },
  { method: "PATCH", path: "/api/votes/:id", body: '{"outcome":{"kind":"tie"}}' },
  { method: "DELETE", path: "/api/votes/:id" },
  { method: "GET", path: "/api/attachments/:id" },
  { method: "DELETE", path: "/api/attachments/:id" },
  { method: "GET", path: "/api/share/:id/attachments/:id" },
  { method: "GET", path: "/api/eval-sets/:id" },
  { method: "DELETE", path: "/api/eval-sets/:id" },
  { method: "POST", path: "/api/eval-sets/:id/estimate", body: '{"models":["sandbox/swift-mini"]}' },
  { method: "POST", path: "/api/eval-sets/:id/runs", body: '{"models":["sandbox/swift-mini"],"costCapUsd":"1"}' },
  { method: "GET", path: "/api/eval-runs/:id" },
  { method: "DELETE", path: "/api/leaderboard/share/:id" },
  { method: "POST", path: "/api/chat/select", body: '{"messageId":":id"}' },
  { method: "POST", path: "/api/chat/continue-with", body: '{"promptId":":id","answerId":":id"}' },
  { method: "POST", path: "/api/arena/judge", body: '{"conversationId":":id","turn":0,"judgeModel":"sandbox/swift-mini"}' },
  { method: "POST", path: "/api/votes", body: '{"conversationId":":id","turn":0,"outcome":{"kind":"tie"}}' },
];

/** The id as the route reads it (the path decodes it once). */
function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

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
      // An id in the body is the raw (decoded) text, JSON-escaped; in the path, URL-encoded.
      const body = route.body?.replaceAll('":id"', JSON.stringify(decodeId(id)));
      const response = await fetch(baseURL + route.path.replaceAll(":id", id), { method: route.method, headers, body });
      const text = await response.text();
      if (response.status < 400 || response.status >= 500) failures.push(`${route.method} ${route.path} id=${id.slice(0, 40)} → ${response.status}`);
      const problem = unclearOrLeaky(response.status, response.headers, text);
      if (problem) failures.push(`${route.method} ${route.path} id=${id.slice(0, 40)} → ${response.status}: ${problem} ${text.slice(0, 80)}`);
    }
  }
  expect(failures.slice(0, 20)).toEqual([]);
  expect((await page.request.get("/api/health")).status()).toBe(200);
});

// Routes that read a query string, with the parameters each knows.
const QUERY_ROUTES: { path: string; params: string[] }[] = [
  { path: "/api/leaderboard", params: ["kind", "blindOnly", "includeDeanonymised", "category", "range", "scope", "minVotes"] },
  { path: "/api/votes", params: ["scope", "kind", "conversationId", "format"] },
  { path: "/api/conversations", params: ["q"] },
  { path: "/api/catalog", params: ["q", "provider", "sort", "free", "modality"] },
  { path: "/api/share", params: ["conversationId"] },
  { path: "/api/usage/span", params: ["user", "conversationId"] },
  ...["summary", "timeseries", "breakdown", "activity", "budget", "free-tier", "export/activity.csv", "export/breakdown.csv"].map((name) => ({
    path: `/api/usage/${name}`,
    params: ["range", "from", "to", "tz", "user", "model", "provider", "status", "source", "apiKeyId", "conversationId", "groupBy", "cursor", "limit"],
  })),
];

const JUNK_QUERY_VALUES = ["", "-1", "1e309", "NaN", "99999999999999999999", "true", "admin", "team", "__proto__", "constructor", "a".repeat(5000), "' OR 1=1 --", "<script>alert(1)</script>", "🙂", "\u0000", "2026-13-45T99:99", "../../etc/passwd", "Europe/Nowhere", "[]", "{}"];

/** `count` hostile query strings over `params`: junk values, repeated keys, unknown keys. */
function junkQueries(params: string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const search = new URLSearchParams();
    for (let k = 0; k <= i % 3; k++) search.append(params[(i + k * 7) % params.length], JUNK_QUERY_VALUES[(i * 3 + k) % JUNK_QUERY_VALUES.length]);
    if (i % 5 === 0) search.append(params[i % params.length], JUNK_QUERY_VALUES[(i + 1) % JUNK_QUERY_VALUES.length]);
    if (i % 7 === 0) search.append(`x${i}[]`, "1");
    out.push(i % 11 === 0 ? `${search}&%ZZ=%E0%A4%A` : search.toString());
  }
  return out;
}

/** A 4xx must say what was wrong as JSON; no answer may show a stack trace or a file path.
 * (A 405 names the methods the path takes in its Allow header, as HTTP has it.) */
function unclearOrLeaky(status: number, headers: Headers, text: string): string | null {
  if (/\n\s+at |node_modules|\.tsx?:\d|PrismaClient|SQLITE_|ECONNREFUSED/.test(text)) return "leaks internals";
  if (status < 400 || (status === 405 && headers.get("allow"))) return null;
  const contentType = headers.get("content-type") ?? "";
  if (!contentType.includes("application/json")) return `answered ${contentType || "no content type"}`;
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === "string" && message.length > 0 ? null : "no error message";
  } catch {
    return "not JSON";
  }
}

test("hostile query strings on every route that reads one: never 5xx, 4xx as clear JSON, nothing leaked", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await page.goto("/settings");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const failures: string[] = [];
  for (const route of QUERY_ROUTES) {
    for (const query of junkQueries(route.params, 60)) {
      const response = await fetch(`${baseURL}${route.path}?${query}`, { headers: { cookie } });
      const text = await response.text();
      const problem = response.status >= 500 ? `status ${response.status}` : unclearOrLeaky(response.status, response.headers, text);
      if (problem) failures.push(`GET ${route.path}?${query.slice(0, 60)} → ${response.status}: ${problem} ${text.slice(0, 80)}`);
    }
  }
  expect(failures.slice(0, 20)).toEqual([]);
  expect((await page.request.get("/api/health")).status()).toBe(200);
});

test("uploads with hostile names and bytes: stored under a clean name or refused as clear JSON, never 5xx", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto("/settings");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const headers = { cookie, ...(await csrfHeaders(page)) };
  const names = ["../../etc/passwd", "..\\..\\boot.ini", "a".repeat(1001), "a".repeat(1000), "\u0000.txt", "x\r\nSet-Cookie: a=b", "<img src=x onerror=alert(1)>.png", "🙂.txt", ""];
  const bodies: BodyInit[] = ["hello", "", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])]), new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0xd8])]), new Blob([new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])])];
  const failures: string[] = [];
  const created: string[] = [];
  for (const name of names) {
    for (const body of bodies) {
      const response = await fetch(`${baseURL}/api/attachments?name=${encodeURIComponent(name)}`, { method: "POST", headers, body });
      const text = await response.text();
      if (response.status >= 500) failures.push(`name=${name.slice(0, 30)} → ${response.status}`);
      const problem = unclearOrLeaky(response.status, response.headers, text);
      if (problem) failures.push(`name=${name.slice(0, 30)} → ${response.status}: ${problem}`);
      if (response.status === 201) {
        const saved = JSON.parse(text) as { id: string; name: string };
        created.push(saved.id);
        if (/[\/\\\u0000-\u001f]/.test(saved.name)) failures.push(`name=${name.slice(0, 30)} stored as ${JSON.stringify(saved.name)}`);
      }
    }
  }
  expect(failures.slice(0, 20)).toEqual([]);
  for (const id of created) expect((await fetch(`${baseURL}/api/attachments/${id}`, { method: "DELETE", headers })).status).toBe(200);
});
