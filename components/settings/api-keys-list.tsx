"use client";
// Every key with its limits, spend, dates and status; active keys can be revoked after a
// second, explicit click (apps using the key start getting 401 at once).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { ApiKeyDto } from "@/lib/auth/api-keys-dto";
import { apiKeysQueryKey, deleteApiKey, fetchApiKeys } from "@/lib/auth/api-keys-client";
import { formatUsd } from "@/lib/format/usd";
import { card, dangerButton, dangerSolidButton, hint, secondaryButton } from "./api-keys-ui";

const PERIOD: Record<ApiKeyDto["creditReset"], string> = { never: "in total", daily: "today (UTC)", weekly: "this week (UTC)", monthly: "this month (UTC)" };

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric" });
}

function formatAgo(iso: string | null): string {
  if (!iso) return "never used";
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 90) return "used just now";
  if (seconds < 3600) return `used ${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `used ${Math.round(seconds / 3600)} h ago`;
  return `last used ${formatDate(iso)}`;
}

function creditText(key: ApiKeyDto): string {
  if (key.creditLimitPico === null) return `No credit limit · ${formatUsd(key.spentPico)} spent`;
  return `${formatUsd(key.spentPico)} of ${formatUsd(key.creditLimitPico)} ${PERIOD[key.creditReset]}`;
}

function rateText(key: ApiKeyDto): string {
  const parts = [
    key.rpm !== null && `${key.rpm.toLocaleString("en")} req/min`,
    key.rpd !== null && `${key.rpd.toLocaleString("en")} req/day`,
    key.tpm !== null && `${key.tpm.toLocaleString("en")} tokens/min`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "No rate limits";
}

function StatusBadge({ status }: { status: ApiKeyDto["status"] }) {
  if (status === "active") return <Badge tone="green">active</Badge>;
  if (status === "expired") return <Badge tone="amber">expired</Badge>;
  return <Badge tone="red">revoked</Badge>;
}

function KeyRow({ apiKey }: { apiKey: ApiKeyDto }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => deleteApiKey(apiKey.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
  const inactive = apiKey.status !== "active";
  return (
    <li aria-label={apiKey.name} className={`space-y-2 p-4 ${inactive ? "bg-zinc-50/60 dark:bg-zinc-900/30" : ""}`}>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <h3 className={`font-medium break-all ${inactive ? "text-zinc-600 dark:text-zinc-400" : ""}`}>{apiKey.name}</h3>
            <StatusBadge status={apiKey.status} />
            {apiKey.logPrompts && (
              <Badge tone="indigo" title="Request and answer text of this key's calls is kept in the activity log">
                logs prompts
              </Badge>
            )}
            {apiKey.responseCache && (
              <Badge tone="indigo" title="Repeated requests are answered from the response cache">
                caches responses
              </Badge>
            )}
          </div>
          <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{apiKey.prefix}</p>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{creditText(apiKey)}</p>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{rateText(apiKey)}</p>
          <p className={hint}>
            Created {formatDate(apiKey.createdAt)} · {formatAgo(apiKey.lastUsedAt)}
            {apiKey.revokedAt
              ? ` · revoked ${formatDate(apiKey.revokedAt)}`
              : apiKey.expiresAt && ` · ${apiKey.status === "expired" ? "expired" : "expires"} ${formatDate(apiKey.expiresAt)}`}
          </p>
        </div>
        {!inactive && !confirming && (
          <button type="button" className={`${dangerButton} self-start`} aria-label={`Revoke ${apiKey.name}`} onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </div>
      {!inactive && confirming && (
        <div role="group" aria-label={`Confirm revoking ${apiKey.name}`} className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm dark:bg-red-950/30">
          <span className="mr-auto text-red-800 dark:text-red-200">Revoke this key? Apps using it get an error from their next request on. This cannot be undone.</span>
          <button type="button" className={secondaryButton} onClick={() => setConfirming(false)} disabled={revoke.isPending}>
            Cancel
          </button>
          <button type="button" className={dangerSolidButton} onClick={() => revoke.mutate()} disabled={revoke.isPending}>
            {revoke.isPending ? "Revoking…" : `Yes, revoke ${apiKey.name}`}
          </button>
        </div>
      )}
      {revoke.isError && (
        <p role="alert" className="text-sm text-red-600">
          Could not revoke: {revoke.error.message}
        </p>
      )}
    </li>
  );
}

export function ApiKeyList() {
  const { data, isPending, isError, error } = useQuery({ queryKey: apiKeysQueryKey, queryFn: fetchApiKeys });
  if (isPending) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading API keys…</p>;
  if (isError) return <p role="alert" className="text-sm text-red-600">Could not load API keys: {error.message}</p>;
  if (data.length === 0) return <p className={`${card} p-4 text-sm text-zinc-600 dark:text-zinc-400`}>No API keys yet. Create one above to call Switchyard from your own code.</p>;
  return (
    <ul aria-label="API keys" className={`divide-y divide-zinc-200 overflow-hidden dark:divide-zinc-800 ${card}`}>
      {data.map((k) => (
        <KeyRow key={k.id} apiKey={k} />
      ))}
    </ul>
  );
}
