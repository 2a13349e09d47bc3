import { ChatRoom } from "@/components/chat/chat-room";

export default function NewComparisonPage() {
  return <ChatRoom conversationId={null} />;
}
