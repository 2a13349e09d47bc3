"use client";
// One call in full: model, provider, tokens, cost against upstream cost, the price it was
// charged at, timings, status, error and every attempt (fallbacks included).
import { useQuery } from "@tanstack/react-query";
import { Modal } from "@/components/ui/modal";
import { formatDuration, formatRate } from "@/lib/format/duration";
import { formatUsd } from "@/lib/format/usd";
import { formatDateTime } from "./format-time";
import { StatusBadge } from "./status-badge";
import { getJson, type GenerationDetail } from "./usage-client";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words tabular-nums">{children}</dd>
    </div>
  );
}

export function GenerationDialog({ id, tz, onClose }: { id: string | null; tz: string; onClose: () => void }) {
  const detail = useQuery({
    queryKey: ["usage", "generation", id],
    queryFn: ({ signal }) => getJson<GenerationDetail>(`/api/usage/activity/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: id !== null,
  });

  const g = detail.data;
  return (
    <Modal
      open={id !== null}
      onClose={onClose}
      title={g ? g.modelId : "Generation"}
      subtitle={g && `${formatDateTime(g.createdAt, tz)} · ${g.id}`}
      closeLabel="Close details"
      className="w-[min(40rem,calc(100vw-1.5rem))] bg-white"
    >
      <div className="max-h-[70vh] overflow-y-auto px-4 py-3">
        {detail.isPending && id && <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>}
        {detail.isError && <p role="alert" className="text-sm text-red-600">Could not load this call: {detail.error.message}</p>}
        {g && (
          <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
            <Row label="Status">
              <StatusBadge status={g.status} /> {g.finishReason && <span className="text-zinc-600 dark:text-zinc-400">finish: {g.finishReason}</span>}
            </Row>
            {g.error && (
              <Row label="Error">
                <span className="text-red-700 dark:text-red-300">{g.error}</span>
              </Row>
            )}
            <Row label="Model">{g.requestedModel === g.modelId ? g.modelId : `${g.modelId} (asked for ${g.requestedModel})`}</Row>
            <Row label="Provider">
              {g.provider || "–"} {g.upstreamModel && <span className="text-zinc-600 dark:text-zinc-400">as {g.upstreamModel}</span>}
            </Row>
            <Row label="Source">{g.source === "api" ? `API${g.apiKeyId ? ` (key ${g.apiKeyId})` : ""}` : "Chatroom"}</Row>
            {g.responseCacheHit && (
              <Row label="Response cache">
                Served from the response cache: no provider was called. It saved {g.savedPromptTokens.toLocaleString("en")} input and{" "}
                {g.savedCompletionTokens.toLocaleString("en")} output tokens.
              </Row>
            )}
            <Row label="Input tokens">
              {g.promptTokens.toLocaleString("en")}
              {inputDetail(g) && <span className="text-zinc-600 dark:text-zinc-400"> ({inputDetail(g)})</span>}
            </Row>
            <Row label="Output tokens">{g.completionTokens.toLocaleString("en")}</Row>
            <Row label="Reasoning tokens">
              {g.reasoningTokens.toLocaleString("en")}
              <span className="text-zinc-600 dark:text-zinc-400"> (part of the output)</span>
            </Row>
            <Row label="Usage">{g.responseCacheHit ? "None: no provider was called" : g.usageEstimated ? "Estimated (the provider sent no usage)" : "Reported by the provider"}</Row>
            <Row label="Cost">
              <span title={`${g.costPico} picodollars`}>{formatUsd(g.costPico)}</span>
              <span className="text-zinc-600 dark:text-zinc-400"> · computed {formatUsd(g.computedCostPico)}</span>
              <span className="text-zinc-600 dark:text-zinc-400"> · upstream {g.upstreamCostPico === null ? "not reported" : formatUsd(g.upstreamCostPico)}</span>
            </Row>
            <Row label="Cache savings">
              <span title={`${g.cacheSavingsPico} picodollars`}>{formatUsd(g.cacheSavingsPico)}</span>
              <span className="text-zinc-600 dark:text-zinc-400">
                {" "}
                · {g.responseCacheHit ? "what the original call cost" : "cached input tokens at the input price, minus what they cost"}
              </span>
            </Row>
            <Row label="Price per 1M tokens">
              in ${g.price.prompt.usdPerMillion} · out ${g.price.completion.usdPerMillion} · cached ${g.price.cached.usdPerMillion} · cache write $
              {g.price.cacheWrite.usdPerMillion} · reasoning ${g.price.reasoning.usdPerMillion}
            </Row>
            <Row label="Time to first token">{formatDuration(g.ttftMs)}</Row>
            <Row label="Total time">{formatDuration(g.totalMs)}</Row>
            <Row label="Speed">{g.totalMs !== null ? formatRate(g.completionTokens, g.totalMs - (g.ttftMs ?? 0)) : "–"}</Row>
            <Row label={`Attempts (${g.attempts.length})`}>
              {g.attempts.length === 0 ? (
                "–"
              ) : (
                <ol className="list-decimal space-y-1 pl-4">
                  {g.attempts.map((a, i) => (
                    <li key={i} className="font-mono text-xs break-all">
                      {attemptText(a)}
                    </li>
                  ))}
                </ol>
              )}
            </Row>
            {g.conversationId && (
              <Row label="Conversation">
                <a href={`/c/${g.conversationId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  Open conversation
                </a>
              </Row>
            )}
          </dl>
        )}
      </div>
    </Modal>
  );
}

function inputDetail(g: GenerationDetail): string {
  const parts: string[] = [];
  if (g.cachedTokens > 0) parts.push(`${g.cachedTokens.toLocaleString("en")} cached`);
  if (g.cacheWriteTokens > 0) parts.push(`${g.cacheWriteTokens.toLocaleString("en")} written to the cache`);
  return parts.join(", ");
}

function attemptText(attempt: unknown): string {
  if (!attempt || typeof attempt !== "object") return String(attempt);
  const a = attempt as Record<string, unknown>;
  const parts = [a.provider, a.upstreamModel, a.status ?? a.outcome, a.error].filter((v) => v !== undefined && v !== null && v !== "");
  return parts.length > 0 ? parts.map(String).join(" · ") : JSON.stringify(attempt);
}
