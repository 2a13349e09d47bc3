// Presets: saved in Settings through their routes (validated, owned, team presets for admins),
// called as `model: "@preset/<slug>"` on /api/v1/chat/completions with the official `openai`
// client and as a chatroom column, against fake OpenAI-compatible providers that record what
// they were sent: the preset's model and fallbacks, parameters and system prompt reach them.
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { appServer, viaServer } from "../helpers/app-server";
import { collectEvents, endsOf, jsonRequest, textOf } from "../helpers/chat-client";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { createTestDatabase } from "../helpers/test-db";
import type { PresetDto } from "@/lib/presets/preset-schema";
import type { ModelOption } from "@/lib/chat/api-types";

let groq: FakeUpstream;
let together: FakeUpstream;
let admin: TestUser;
let member: TestUser;
let client: OpenAI;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: () => Promise<void>;
let presetsRoute: typeof import("@/app/api/presets/route");
let presetRoute: typeof import("@/app/api/presets/[id]/route");
let modelsRoute: typeof import("@/app/api/models/route");

const GROQ = "groq/llama-3.3-70b-versatile";
const TOGETHER = "together/meta-llama/Llama-3.3-70B-Instruct-Turbo";

beforeAll(async () => {
  groq = await startFakeUpstream({ text: "groq" });
  together = await startFakeUpstream({ text: "together" });
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    GROQ_API_KEY: "test",
    GROQ_BASE_URL: groq.url,
    TOGETHER_API_KEY: "test",
    TOGETHER_BASE_URL: together.url,
    CATALOG_REFRESH_HOURS: "0",
  });
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  presetsRoute = await import("@/app/api/presets/route");
  presetRoute = await import("@/app/api/presets/[id]/route");
  modelsRoute = await import("@/app/api/models/route");
  admin = await signInAs({ role: "admin" });
  member = await signInAs({ role: "member" });
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { key } = await createApiKey(member.id, { name: "presets" });
  client = new OpenAI({ baseURL: `${(await appServer()).url}/api/v1`, apiKey: key, maxRetries: 0 });
});

afterAll(async () => {
  await Promise.all([groq?.close(), together?.close()]);
});

beforeEach(async () => {
  groq.mode = "ok";
  together.mode = "ok";
  (await import("@/lib/router/health")).resetHealth();
});

async function create(body: Record<string, unknown>, as: TestUser = member): Promise<Response> {
  return presetsRoute.POST(jsonRequest("/api/presets", body, { as }));
}

async function created(body: Record<string, unknown>, as: TestUser = member): Promise<PresetDto> {
  const response = await create(body, as);
  expect(response.status).toBe(201);
  return (await response.json()).preset;
}

describe("presets in Settings", () => {
  it("validates what is saved: slug, known models, team presets for admins only, one slug each", async () => {
    const bad = [
      [{ slug: "Bad Slug", name: "x", models: [GROQ] }, 400, "slug"],
      [{ slug: "ok", name: "x", models: [] }, 400, "models"],
      [{ slug: "ok", name: "x", models: ["nobody/nothing"] }, 400, "models.0"],
      [{ slug: "ok", name: "x", models: [GROQ], parameters: { temperature: 9 } }, 400, "parameters.temperature"],
      [{ slug: "ok", name: "x", models: [GROQ], surprise: true }, 400, null],
      [{ slug: "ok", name: "x", models: [GROQ], team: true }, 403, "team"],
    ] as const;
    for (const [body, status, param] of bad) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      const { error } = await response.json();
      expect(error.message).toBeTruthy();
      if (param) expect(error.param).toBe(param);
    }
    await created({ slug: "twice", name: "Twice", models: [GROQ] });
    expect((await create({ slug: "twice", name: "Again", models: [GROQ] })).status).toBe(409);
  });

  it("lists a member's own presets and the team's; only an admin changes a team preset", async () => {
    const own = await created({ slug: "mine", name: "Mine", models: [GROQ] });
    const team = await created({ slug: "team-fast", name: "Team fast", models: [GROQ], team: true }, admin);
    const list: PresetDto[] = (await (await presetsRoute.GET(appRequest("/api/presets", { as: member }))).json()).presets;
    expect(list.find((p) => p.id === own.id)).toMatchObject({ editable: true, team: false });
    expect(list.find((p) => p.id === team.id)).toMatchObject({ editable: false, team: true });
    // Someone else's own preset is invisible to the member.
    const adminOwn = await created({ slug: "admin-own", name: "Admin's", models: [GROQ] }, admin);
    expect(list.some((p) => p.id === adminOwn.id)).toBe(false);

    const context = (id: string) => ({ params: Promise.resolve({ id }) });
    const edit = (id: string, as: TestUser) =>
      presetRoute.PUT(appRequest(`/api/presets/${id}`, { method: "PUT", body: JSON.stringify({ slug: "team-fast", name: "Renamed", models: [GROQ], team: true }), as }), context(id));
    expect((await edit(team.id, member)).status).toBe(403);
    expect((await presetRoute.DELETE(appRequest(`/api/presets/${adminOwn.id}`, { method: "DELETE", as: member }), context(adminOwn.id))).status).toBe(404);
    const renamed = await edit(team.id, admin);
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).preset.name).toBe("Renamed");
    expect((await presetRoute.DELETE(appRequest(`/api/presets/${own.id}`, { method: "DELETE", as: member }), context(own.id))).status).toBe(200);
  });

  it("offers presets in the chatroom's model picker", async () => {
    await created({ slug: "picker", name: "Picker preset", models: [GROQ, TOGETHER] });
    const { models }: { models: ModelOption[] } = await (await modelsRoute.GET(appRequest("/api/models", { as: member }))).json();
    expect(models.find((m) => m.id === "@preset/picker")).toMatchObject({ name: "Picker preset", preset: { slug: "picker", models: [GROQ, TOGETHER], team: false } });
  });
});

describe("@preset/<slug> on the API", () => {
  it("sends the preset's model, parameters and system prompt; the request's own values win", async () => {
    await created({ slug: "careful", name: "Careful", models: [GROQ], parameters: { temperature: 0.1, max_tokens: 64, top_p: 0.5 }, systemPrompt: "Answer briefly." });
    const before = groq.requests.length;
    const answer = await client.chat.completions.create({ model: "@preset/careful", messages: [{ role: "user", content: "hi" }], temperature: 0.7 }).withResponse();
    expect(answer.data.model).toBe("@preset/careful");
    const sent = groq.requests[before].body;
    expect(sent).toMatchObject({ model: "llama-3.3-70b-versatile", temperature: 0.7, max_tokens: 64, top_p: 0.5 });
    expect(sent.messages).toEqual([
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "hi" },
    ]);
    await flushLedger();
    const row = await db.generation.findUniqueOrThrow({ where: { id: answer.data.id } });
    expect(row).toMatchObject({ requestedModel: "@preset/careful", provider: "groq", status: "done" });
  });

  it("falls back to the preset's next model when the first fails", async () => {
    await created({ slug: "fallback", name: "Fallback", models: [GROQ, TOGETHER] });
    groq.mode = "500";
    const answer = await client.chat.completions.create({ model: "@preset/fallback", messages: [{ role: "user", content: "hi" }] });
    expect(answer.choices[0].message.content).toContain("together");
    expect((answer as unknown as { provider: string }).provider).toMatch(/together/i);
  });

  it("uses a team preset, and answers an unknown preset with a 404", async () => {
    await created({ slug: "team-only", name: "Team only", models: [TOGETHER], team: true }, admin);
    const answer = await client.chat.completions.create({ model: "@preset/team-only", messages: [{ role: "user", content: "hi" }] });
    expect(answer.choices[0].message.content).toContain("together");
    const missing = await client.chat.completions.create({ model: "@preset/nope", messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect(missing.message).toContain("@preset/nope");
  });
});

describe("a preset as a chatroom column", () => {
  it("runs the column with the preset's model and system prompt", async () => {
    await created({ slug: "column", name: "Column", models: [TOGETHER], systemPrompt: "You are a column." });
    const before = together.requests.length;
    const response = await viaServer(jsonRequest("/api/chat", { prompt: "hello", columns: [{ modelId: "@preset/column" }] }, { as: member }));
    expect(response.status).toBe(200);
    const events = await collectEvents(response);
    const [end] = endsOf(events);
    expect(end.type).toBe("column-end");
    expect(textOf(events, end.columnId)).toContain("together");
    expect((together.requests[before].body.messages as unknown[])[0]).toEqual({ role: "system", content: "You are a column." });
  });
});
