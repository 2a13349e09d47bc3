import { ChatRoom } from "@/components/chat/chat-room";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Keyed by id: another conversation starts with a fresh composer and settings.
  return <ChatRoom key={id} conversationId={id} />;
}
