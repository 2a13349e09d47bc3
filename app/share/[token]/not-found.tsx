import { ShareUnavailable } from "@/components/share/share-unavailable";

export default function SharedLinkNotFound() {
  return <ShareUnavailable reason="missing" />;
}
