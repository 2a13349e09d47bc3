// Attachments through the paths production serves: uploads through the route handler, turns and
// estimates through the real app server, the sandbox as its own HTTP server (Iris Vision sees
// images; Swift Mini takes text only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { startSandboxServer } from "@/lib/providers/sandbox/server";
import { createTestDatabase } from "../helpers/test-db";
import { collectEvents, endsOf, jsonRequest, textOf } from "../helpers/chat-client";
import { viaServer } from "../helpers/app-server";
import { solidJpeg, solidPng } from "../helpers/test-images";
import type { AttachmentDto } from "@/lib/attachments/attachment-types";
import type { ConversationDto } from "@/lib/chat/api-types";
import type { ChatEvent } from "@/lib/streaming/events";

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let upload: typeof import("@/app/api/attachments/route");
let attachmentRoute: typeof import("@/app/api/attachments/[id]/route");
let conversationRoute: typeof import("@/app/api/conversations/[id]/route");
let shareRoute: typeof import("@/app/api/share/route");
let sharedAttachmentRoute: typeof import("@/app/api/share/[id]/attachments/[attachmentId]/route");
let forkRoute: typeof import("@/app/api/share/[id]/fork/route");
let exportRoute: typeof import("@/app/api/conversations/[id]/export/route");
let estimateRoute: typeof import("@/app/api/chat/estimate/route");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let owner: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, speed: 50 });
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  process.env.SANDBOX_BASE_URL = sandbox.url;
  upload = await import("@/app/api/attachments/route");
  attachmentRoute = await import("@/app/api/attachments/[id]/route");
  conversationRoute = await import("@/app/api/conversations/[id]/route");
  shareRoute = await import("@/app/api/share/route");
  sharedAttachmentRoute = await import("@/app/api/share/[id]/attachments/[attachmentId]/route");
  forkRoute = await import("@/app/api/share/[id]/fork/route");
  estimateRoute = await import("@/app/api/chat/estimate/route");
  exportRoute = await import("@/app/api/conversations/[id]/export/route");
  db = (await import("@/lib/db/client")).getDb();
  stranger = await signInAs({ role: "member" });
  owner = await signInAs({ role: "member" });
});

afterAll(async () => {
  await sandbox?.close();
});

const RED: [number, number, number] = [220, 30, 30];
const columns = [{ modelId: "sandbox/iris-vision" }, { modelId: "sandbox/swift-mini" }];

async function uploadFile(bytes: Uint8Array, name: string, as: TestUser = owner): Promise<Response> {
  return upload.POST(appRequest(`/api/attachments?name=${encodeURIComponent(name)}`, { method: "POST", body: Buffer.from(bytes), as, headers: { "content-type": "application/octet-stream" } }));
}

async function uploaded(bytes: Uint8Array, name: string): Promise<AttachmentDto> {
  const response = await uploadFile(bytes, name);
  expect(response.status).toBe(201);
  return response.json();
}

/** A column's end event, by model (columns end in whatever order they finish). */
const endOf = (events: ChatEvent[], modelId: string) => endsOf(events).find((e) => e.stats.modelId === modelId)!;

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("uploading", () => {
  it("recognises images and text by their bytes, whatever the name says", async () => {
    const png = await uploaded(solidPng(64, 48, RED), "red.png");
    expect(png).toMatchObject({ kind: "image", mimeType: "image/png", width: 64, height: 48, name: "red.png" });
    const jpeg = await uploaded(solidJpeg(40, 30, [40, 80, 220]), "named-wrongly.png");
    expect(jpeg).toMatchObject({ kind: "image", mimeType: "image/jpeg", width: 40, height: 30 });
    const text = await uploaded(new TextEncoder().encode("id,name\n1,Ada\n"), "people.csv");
    expect(text).toMatchObject({ kind: "text", mimeType: "text/plain" });
  });

  it("refuses content that is not what it claims with a clear 4xx", async () => {
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0xfe, 0xff, 0x00, 0x10, 0x20]);
    const response = await uploadFile(binary, "holiday.png");
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toMatch(/holiday\.png is neither an image nor UTF-8 text/);

    const brokenPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const broken = await uploadFile(brokenPng, "broken.png");
    expect(broken.status).toBe(415);
    expect((await broken.json()).error.message).toMatch(/an image we cannot read/);

    const empty = await uploadFile(new Uint8Array(), "empty.txt");
    expect(empty.status).toBe(400);
  });

  it("refuses an image over the size limit with 413", async () => {
    const header = solidPng(10, 10, RED);
    const big = new Uint8Array(5 * 1024 * 1024 + 1024);
    big.set(header);
    const response = await uploadFile(big, "huge.png");
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/larger than 5 MiB/);
  });

  it("serves an attachment to its owner only; another user gets 404 and cannot send it", async () => {
    const png = await uploaded(solidPng(8, 8, RED), "mine.png");
    const mine = await attachmentRoute.GET(appRequest(`/api/attachments/${png.id}`, { as: owner }), params(png.id));
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/png");
    const theirs = await attachmentRoute.GET(appRequest(`/api/attachments/${png.id}`, { as: stranger }), params(png.id));
    expect(theirs.status).toBe(404);
    const sent = await viaServer(jsonRequest("/api/chat", { prompt: "What is this?", columns, attachments: [png.id] }, { as: stranger }));
    expect(sent.status).toBe(400);
    expect((await sent.json()).error.code).toBe("attachment_not_found");
  });
});

describe("a turn with attachments", () => {
  it("sends the image to the vision column, leaves it out of the text-only one (which says so), keeps it for later turns", async () => {
    const image = await uploaded(solidPng(64, 48, RED), "red.png");
    const notes = await uploaded(new TextEncoder().encode("Remember: the square is red."), "notes.txt");
    const response = await viaServer(jsonRequest("/api/chat", { prompt: "Describe the picture", columns, attachments: [image.id, notes.id] }));
    expect(response.status).toBe(200);
    const events = await collectEvents(response);
    const turn = events[0];
    if (turn.type !== "turn") throw new Error("no turn event");
    const vision = endOf(events, "sandbox/iris-vision");
    const textOnly = endOf(events, "sandbox/swift-mini");
    expect(vision.type).toBe("column-end");
    expect(textOf(events, vision.columnId)).toContain("PNG, 64 × 48 pixels, mostly red (#dc1e1e)");
    expect(vision.stats.omittedImages).toBeUndefined();
    expect(textOnly.type).toBe("column-end");
    expect(textOnly.stats.status).toBe("done");
    expect(textOnly.stats.omittedImages).toBe(1);

    // Stored with the conversation, on the prompt, and the column's note survives a reload.
    const read = await conversationRoute.GET(appRequest(`/api/conversations/${turn.conversationId}`), params(turn.conversationId));
    const conversation = (await read.json()) as ConversationDto;
    const prompt = conversation.messages.find((m) => m.role === "user")!;
    expect(prompt.attachments?.map((a) => a.name)).toEqual(["red.png", "notes.txt"]);
    expect(conversation.messages.find((m) => m.columnId === textOnly.columnId)?.stats?.omittedImages).toBe(1);
    const strangerRead = await conversationRoute.GET(appRequest(`/api/conversations/${turn.conversationId}`, { as: stranger }), params(turn.conversationId));
    expect(strangerRead.status).toBe(404);

    // The next turn's history still carries the image for the vision model (255 prompt tokens for a 64 × 48 image).
    const next = await collectEvents(await viaServer(jsonRequest("/api/chat", { conversationId: turn.conversationId, prompt: "And the text file?" })));
    const visionAgain = endOf(next, "sandbox/iris-vision");
    const textAgain = endOf(next, "sandbox/swift-mini");
    expect(visionAgain.stats.promptTokens).toBeGreaterThan(255);
    expect(textAgain.stats.promptTokens).toBeLessThan(visionAgain.stats.promptTokens);
    expect(textAgain.stats.status).toBe("done");

    // Exports list the files with their prompt (names and sizes, not the bytes).
    const markdown = await (await exportRoute.GET(appRequest(`/api/conversations/${turn.conversationId}/export?format=md`), params(turn.conversationId))).text();
    expect(markdown).toContain("> Attached: red.png (64 × 48 PNG), notes.txt (text)");
    const json = await (await exportRoute.GET(appRequest(`/api/conversations/${turn.conversationId}/export?format=json`), params(turn.conversationId))).json();
    expect(json.turns[0].attachments).toEqual([
      { name: "red.png", kind: "image", mimeType: "image/png", sizeBytes: image.sizeBytes, width: 64, height: 48 },
      { name: "notes.txt", kind: "text", mimeType: "text/plain", sizeBytes: notes.sizeBytes, width: null, height: null },
    ]);

    // An attachment goes with one prompt only.
    const again = await viaServer(jsonRequest("/api/chat", { conversationId: turn.conversationId, prompt: "Once more", attachments: [image.id] }));
    expect(again.status).toBe(400);
  });

  it("counts the image in the pre-send estimate for the vision column only", async () => {
    const image = await uploaded(solidPng(64, 48, RED), "red.png");
    const estimate = async (attachments?: string[]) => {
      const response = await estimateRoute.POST(jsonRequest("/api/chat/estimate", { prompt: "Describe the picture", columns, ...(attachments ? { attachments } : {}) }));
      expect(response.status).toBe(200);
      return (await response.json()) as { columns: { promptTokens: number; maxCostPico: string }[] };
    };
    const without = await estimate();
    const withImage = await estimate([image.id]);
    expect(withImage.columns[0].promptTokens - without.columns[0].promptTokens).toBeGreaterThanOrEqual(1600);
    expect(BigInt(withImage.columns[0].maxCostPico)).toBeGreaterThan(BigInt(without.columns[0].maxCostPico));
    expect(withImage.columns[1].promptTokens - without.columns[1].promptTokens).toBeLessThan(100);
  });
});

describe("sharing and deleting", () => {
  async function conversationWithImage() {
    const image = await uploaded(solidPng(32, 32, RED), "shared.png");
    const events = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "Share this", columns, attachments: [image.id] })));
    const turn = events[0];
    if (turn.type !== "turn") throw new Error("no turn event");
    return { conversationId: turn.conversationId, image };
  }

  async function share(conversationId: string, includeAttachments?: boolean) {
    const body = { conversationId, includeSystemPrompts: false, includeStats: true, expiresIn: "never", ...(includeAttachments !== undefined ? { includeAttachments } : {}) };
    const response = await shareRoute.POST(jsonRequest("/api/share", body));
    expect(response.status).toBe(201);
    const { token } = (await response.json()) as { token: string };
    const link = await db.shareLink.findUniqueOrThrow({ where: { token } });
    return { token, snapshot: JSON.parse(link.snapshot) as { turns: { attachments?: { id: string; name: string }[] }[] } };
  }

  const sharedFile = (token: string, id: string) =>
    sharedAttachmentRoute.GET(new Request(`http://localhost/api/share/${token}/attachments/${id}`), { params: Promise.resolve({ id: token, attachmentId: id }) });

  it("leaves attachments out of a snapshot unless the sharer ticks the option", async () => {
    const { conversationId, image } = await conversationWithImage();
    const plain = await share(conversationId);
    expect(plain.snapshot.turns[0].attachments).toBeUndefined();
    expect((await sharedFile(plain.token, image.id)).status).toBe(404);

    const withFiles = await share(conversationId, true);
    expect(withFiles.snapshot.turns[0].attachments?.map((a) => a.name)).toEqual(["shared.png"]);
    const file = await sharedFile(withFiles.token, image.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
  });

  it("copies the files a link shared into a fork, as the forker's own; a link without them gives a fork without them", async () => {
    const { conversationId, image } = await conversationWithImage();
    const fork = async (token: string) => {
      const response = await forkRoute.POST(appRequest("http://localhost/x", { method: "POST", as: stranger }), params(token));
      expect(response.status).toBe(201);
      return ((await response.json()) as { conversationId: string }).conversationId;
    };
    const copyId = await fork((await share(conversationId, true)).token);
    const copied = await db.attachment.findMany({ where: { conversationId: copyId } });
    expect(copied.map((a) => [a.userId, a.turn, a.position, a.name, a.mimeType])).toEqual([[stranger.id, 0, 0, "shared.png", "image/png"]]);
    const original = await db.attachment.findUniqueOrThrow({ where: { id: image.id } });
    expect(Buffer.from(copied[0].data).equals(Buffer.from(original.data))).toBe(true);
    // The fork's owner reads it as their own; the copy's page lists it under its prompt.
    expect((await attachmentRoute.GET(appRequest(`/api/attachments/${copied[0].id}`, { as: stranger }), params(copied[0].id))).status).toBe(200);
    const page = (await (await conversationRoute.GET(appRequest(`/api/conversations/${copyId}`, { as: stranger }), params(copyId))).json()) as ConversationDto;
    expect(page.messages.find((m) => m.role === "user")?.attachments?.map((a) => a.name)).toEqual(["shared.png"]);

    expect(await db.attachment.count({ where: { conversationId: await fork((await share(conversationId)).token) } })).toBe(0);
  });

  it("deletes a conversation's attachments with it", async () => {
    const { conversationId } = await conversationWithImage();
    expect(await db.attachment.count({ where: { conversationId } })).toBe(1);
    const deleted = await conversationRoute.DELETE(appRequest(`/api/conversations/${conversationId}`, { method: "DELETE" }), params(conversationId));
    expect(deleted.status).toBe(200);
    expect(await db.attachment.count({ where: { conversationId } })).toBe(0);
  });
});
