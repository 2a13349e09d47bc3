import type { Metadata } from "next";
import { UsageDashboard } from "@/components/usage/usage-dashboard";

export const metadata: Metadata = { title: "Usage" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/usage?conversationId=…` scopes the whole page to one conversation (linked from chats). */
export default async function UsagePage({ searchParams }: Props) {
  const { conversationId } = await searchParams;
  return <UsageDashboard conversationId={typeof conversationId === "string" && conversationId ? conversationId : null} />;
}
