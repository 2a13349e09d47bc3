// Evaluation sets through their routes: saved, estimated with the engine's worst case, run in
// the background through the chatroom's turns within a cost cap, and read back as a table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, signInAs } from "../helpers/auth";
import { startSandboxServer } from "@/lib/providers/sandbox/server";
import { createTestDatabase } from "../helpers/test-db";
import { jsonRequest } from "../helpers/chat-client";

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let setsRoute: typeof import("@/app/api/eval-sets/route");
let estimateRoute: typeof import("@/app/api/eval-sets/[id]/estimate/route");
let runsRoute: typeof import("@/app/api/eval-sets/[id]/runs/route");
let runRoute: typeof import("@/app/api/eval-runs/[id]/route");
let runFinished: typeof import("@/lib/evals/eval-runner").runFinished;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, speed: 20 });
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  process.env.SANDBOX_BASE_URL = sandbox.url;
  setsRoute = await import("@/app/api/eval-sets/route");
  estimateRoute = await import("@/app/api/eval-sets/[id]/estimate/route");
  runsRoute = await import("@/app/api/eval-sets/[id]/runs/route");
  runRoute = await import("@/app/api/eval-runs/[id]/route");
  runFinished = (await import("@/lib/evals/eval-runner")).runFinished;
  await signInAs({ role: "member" });
});

afterAll(async () => {
  await sandbox?.close();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const MODELS = ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/echo-free"];
const PROMPTS = ["What is 2+3?", "Explain recursion briefly", "Write a haiku about tea", "What is 7*6?", "Name three sorting algorithms"];

describe("evaluation sets", () => {
  it("run within a cost cap fixed before starting, stopping when the next prompt could pass it", async () => {
    const created = await setsRoute.POST(jsonRequest("/api/eval-sets", { name: "Smoke", prompts: PROMPTS }));
    expect(created.status).toBe(201);
    const { set } = await created.json();
    const estimate = await (await estimateRoute.POST(jsonRequest(`/api/eval-sets/${set.id}/estimate`, { models: MODELS, maxTokens: 40 }), params(set.id))).json();
    const perPrompt = estimate.perPrompt.map(BigInt) as bigint[];
    expect(perPrompt).toHaveLength(5);
    expect(BigInt(estimate.totalPico)).toBe(perPrompt.reduce((a, b) => a + b, 0n));

    // A cap that fits the first two prompts' worst cases and half the third's: answers bounded to
    // 40 tokens cost close to their worst case, so the third cannot start.
    const cap = perPrompt[0] + perPrompt[1] + perPrompt[2] / 2n;
    const capUsd = (Number(cap) / 1e12).toFixed(12);
    const started = await runsRoute.POST(jsonRequest(`/api/eval-sets/${set.id}/runs`, { models: MODELS, costCapUsd: capUsd, concurrency: 1, maxTokens: 40 }), params(set.id));
    expect(started.status).toBe(202);
    const { run } = await started.json();
    await runFinished(run.id);
    const capped = await (await runRoute.GET(appRequest(`/api/eval-runs/${run.id}`), params(run.id))).json();
    expect(capped.run.status).toBe("capped");
    expect(capped.run.completed).toBe(2);
    expect(BigInt(capped.run.spentPico)).toBeLessThanOrEqual(BigInt(capped.run.costCapPico));
    expect(capped.results).toHaveLength(5);
    expect(capped.results[0].cells).toHaveLength(3);
    expect(capped.results[0].cells[0]).toMatchObject({ status: "done" });
    expect(capped.results[4].cells[0]).toBeNull();

    const full = await (await runsRoute.POST(jsonRequest(`/api/eval-sets/${set.id}/runs`, { models: MODELS, costCapUsd: "5", concurrency: 2 }), params(set.id))).json();
    await runFinished(full.run.id);
    const done = await (await runRoute.GET(appRequest(`/api/eval-runs/${full.run.id}`), params(full.run.id))).json();
    expect(done.run).toMatchObject({ status: "done", completed: 5 });
    expect(done.results.every((r: { conversationId: string | null }) => r.conversationId)).toBe(true);
  });

  it("refuses bad input and other people's sets", async () => {
    expect((await setsRoute.POST(jsonRequest("/api/eval-sets", { name: "", prompts: [] }))).status).toBe(400);
    const { set } = await (await setsRoute.POST(jsonRequest("/api/eval-sets", { name: "Mine", prompts: ["hi"] }))).json();
    expect((await runsRoute.POST(jsonRequest(`/api/eval-sets/${set.id}/runs`, { models: MODELS, costCapUsd: "lots" }), params(set.id))).status).toBe(400);
    expect((await runsRoute.POST(jsonRequest(`/api/eval-sets/${set.id}/runs`, { models: MODELS, costCapUsd: "0" }), params(set.id))).status).toBe(400);
    const stranger = await signInAs({ role: "member" });
    expect((await estimateRoute.POST(jsonRequest(`/api/eval-sets/${set.id}/estimate`, { models: MODELS }, { as: stranger }), params(set.id))).status).toBe(404);
  });
});
