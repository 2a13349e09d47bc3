// Deleting a conversation revokes its share links: the public page answers 410 (what proxy.ts
// asks), forking it is refused, and the links leave the owner's list. Other conversations'
// links, and other people's, are untouched.
import { afterAll, beforeAll, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { collectEvents, jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import type { ChatEvent } from "@/lib/streaming/events";
import type { ShareLinkDto } from "@/lib/share/share-types";
import { viaServer } from "../helpers/app-server";

let routes: {
  share: typeof import("@/app/api/share/route");
  fork: typeof import("@/app/api/share/[id]/fork/route");
  conversation: typeof import("@/app/api/conversations/[id]/route");
};
let sharePageStatus: typeof import("@/lib/share/proxy-status").sharePageStatus;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let owner: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_SPEED: "50", CATALOG_REFRESH_HOURS: "0" });
  delete process.env.SANDBOX_BASE_URL;
  (await import("@/lib/env")).resetEnvCache();
  routes = {
    share: await import("@/app/api/share/route"),
    fork: await import("@/app/api/share/[id]/fork/route"),
    conversation: await import("@/app/api/conversations/[id]/route"),
  };
  sharePageStatus = (await import("@/lib/share/proxy-status")).sharePageStatus;
  db = (await import("@/lib/db/client")).getDb();
  stranger = await signInAs({ role: "member" });
  owner = await signInAs({ role: "member" });
});

afterAll(async () => {
  await db?.$disconnect();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function newConversation(as: TestUser): Promise<string> {
  const events = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "Name a river [[sandbox:tokens=6]]", columns: [{ modelId: "sandbox/swift-mini" }] }, { as })));
  return (events[0] as Extract<ChatEvent, { type: "turn" }>).conversationId;
}

async function shareOf(conversationId: string, as: TestUser, expiresIn = "never"): Promise<ShareLinkDto> {
  const response = await routes.share.POST(jsonRequest("/api/share", { conversationId, expiresIn, includeSystemPrompts: false, includeStats: true }, { as }));
  expect(response.status).toBe(201);
  return (await response.json()) as ShareLinkDto;
}

const listed = async (as: TestUser) => ((await (await routes.share.GET(appRequest("/api/share", { as }))).json()) as { links: ShareLinkDto[] }).links;
const deleteConversation = (id: string, as: TestUser) => routes.conversation.DELETE(appRequest(`/api/conversations/${id}`, { method: "DELETE", as }), params(id));

it("revokes the deleted conversation's links (410, no fork) and takes them off the list", async () => {
  const doomed = await newConversation(owner);
  const kept = await newConversation(owner);
  const links = [await shareOf(doomed, owner), await shareOf(doomed, owner, "7d")];
  const keptLink = await shareOf(kept, owner);
  const theirs = await shareOf(await newConversation(stranger), stranger);
  for (const link of links) expect(await sharePageStatus(`/share/${link.token}`)).toBe(200);

  // Someone else cannot delete it, and their attempt revokes nothing.
  expect((await deleteConversation(doomed, stranger)).status).toBe(404);
  expect(await sharePageStatus(`/share/${links[0].token}`)).toBe(200);

  expect((await deleteConversation(doomed, owner)).status).toBe(200);
  for (const link of links) {
    expect(await sharePageStatus(`/share/${link.token}`)).toBe(410);
    expect((await routes.fork.POST(appRequest("/x", { method: "POST", as: owner }), params(link.token))).status).toBe(410);
  }
  const ownList = await listed(owner);
  expect(ownList.map((l) => l.id)).toEqual([keptLink.id]);
  expect(ownList[0].status).toBe("active");
  expect(await sharePageStatus(`/share/${keptLink.token}`)).toBe(200);
  expect((await listed(stranger)).map((l) => [l.id, l.status])).toEqual([[theirs.id, "active"]]);
});
