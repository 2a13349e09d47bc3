// While the first token is slow to come, the router keeps the connection warm with SSE
// comments, so proxies do not cut it; the stream is sent unbuffered and uncompressed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { signInAs } from "../helpers/auth";
import { createTestDatabase } from "../helpers/test-db";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";

let upstream: FakeUpstream;
let api: { url: string; close(): Promise<void> };
let key: string;

beforeAll(async () => {
  upstream = await startFakeUpstream({ firstDelayMs: 2600, deltas: 3 });
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    CUSTOM_PROVIDER_SLOW_BASE_URL: upstream.url,
    CUSTOM_PROVIDER_SLOW_MODELS: "slow-model",
    CATALOG_REFRESH_HOURS: "0",
  });
  const { startApiServer } = await import("@/lib/server/api-server");
  const { createApiKey } = await import("@/lib/auth/api-keys");
    api = await startApiServer();
  key = (await createApiKey((await signInAs()).id, { name: "keepalive" })).key;
});

afterAll(async () => {
  await api?.close();
  await upstream?.close();
});

it("sends keep-alive comments before a slow first token, then the answer", async () => {
  const response = await fetch(`${api.url}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "accept-encoding": "gzip, br" },
    body: JSON.stringify({ model: "slow/slow-model", stream: true, messages: [{ role: "user", content: "hi" }] }),
  });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  expect(response.headers.get("content-encoding")).toBeNull();
  expect(response.headers.get("x-accel-buffering")).toBe("no");
  const text = await response.text();
  const comment = text.indexOf(": SWITCHYARD PROCESSING");
  expect(comment).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('"content":"fake"')).toBeGreaterThan(comment);
  expect(text.trim().endsWith("data: [DONE]")).toBe(true);
}, 20_000);
