import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ShareLinkStatus } from "@/lib/share/expiry";

const TONES: Record<ShareLinkStatus, BadgeTone> = { active: "green", expired: "neutral", revoked: "red" };

export function LinkStatusBadge({ status }: { status: ShareLinkStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
