import type { Metadata } from "next";
import { ChatRoom } from "@/components/chat/chat-room";

export const metadata: Metadata = { title: "New comparison" };

/** `/?models=a,b` (from the Models page) opens a comparison with those models already picked. */
export default async function NewComparisonPage({ searchParams }: { searchParams: Promise<{ models?: string | string[] }> }) {
  const { models } = await searchParams;
  const initialModels = (Array.isArray(models) ? models.join(",") : (models ?? ""))
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  return <ChatRoom key={initialModels.join(",")} conversationId={null} initialModels={initialModels} />;
}
