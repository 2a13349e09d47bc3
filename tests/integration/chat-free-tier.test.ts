// The chatroom counts calls to free models against the provider's per-user caps and refuses
// the one over the cap in its column, before the provider would.
import { afterAll, beforeAll, expect, it } from "vitest";
import { signInAs } from "../helpers/auth";
import { createTestDatabase } from "../helpers/test-db";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { collectEvents, endsOf, jsonRequest } from "../helpers/chat-client";
import { viaServer } from "../helpers/app-server";

let openrouter: FakeUpstream;
let chat: typeof import("@/lib/server/chat-routes");

beforeAll(async () => {
  openrouter = await startFakeUpstream({ deltas: 3 });
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    OPENROUTER_API_KEY: "test",
    OPENROUTER_BASE_URL: openrouter.url,
    FREE_TIER_OPENROUTER_RPM: "2",
    CATALOG_REFRESH_HOURS: "0",
  });
  chat = await import("@/lib/server/chat-routes");
  await signInAs();
});

afterAll(async () => {
  await openrouter?.close();
});

it("refuses the third :free call in a minute when the cap is 2, without calling the provider", async () => {
  const send = async () => endsOf(await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "hi", columns: [{ modelId: "openrouter/openai/gpt-oss-20b:free" }] }))))[0];
  expect((await send()).stats.status).toBe("done");
  expect((await send()).stats.status).toBe("done");
  const before = openrouter.requests.length;
  const third = await send();
  expect(third.stats.status).toBe("error");
  expect(third.stats.error).toMatch(/2 requests per minute/);
  expect(openrouter.requests.length).toBe(before);
});
