import type { Metadata } from "next";
import { SharedLinksList } from "@/components/share/shared-links-list";

export const metadata: Metadata = { title: "Shared links" };

export default function SharedLinksPage() {
  return <SharedLinksList />;
}
