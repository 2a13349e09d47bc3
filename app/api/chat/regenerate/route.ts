import { handleRegeneratePost } from "@/lib/chat/chat-http";

export const dynamic = "force-dynamic";

/** Replaces one column's answer with a fresh one, streamed like a turn. */
export const POST = handleRegeneratePost;
