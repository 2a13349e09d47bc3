import { handleChatPost } from "@/lib/chat/chat-http";

export const dynamic = "force-dynamic";

/** One prompt to every column of a comparison, answers multiplexed into one SSE stream. */
export const POST = handleChatPost;
