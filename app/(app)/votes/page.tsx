import type { Metadata } from "next";
import { VotesList } from "@/components/arena/votes-list";

export const metadata: Metadata = { title: "Votes" };

export default function VotesPage() {
  return <VotesList />;
}
