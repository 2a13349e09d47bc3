"use client";
import { useQuery } from "@tanstack/react-query";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { fetchProviders, queryKeys } from "@/lib/chat/client/api";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { CustomProviderForm } from "./custom-provider-form";
import { ProviderBaseUrlControl } from "./provider-base-url-control";
import { ProviderCheck } from "./provider-check";
import { ProviderCustomActions } from "./provider-custom-actions";
import { ProviderKeyControl } from "./provider-key-control";
import { SandboxSwitch } from "./sandbox-switch";

/** What the badge says: configured is not the same as answering. */
function StatusBadge({ provider }: { provider: ProviderStatusDto }) {
  if (!provider.configured) return <Badge>{provider.kind === "sandbox" ? "off" : "not configured"}</Badge>;
  if (provider.simulated) return <Badge tone="green">on</Badge>;
  const check = provider.lastCheck;
  if (!check) return <Badge>not checked</Badge>;
  return check.ok ? <Badge tone="green">answers</Badge> : <Badge tone="red" title={check.error ?? undefined}>check failed</Badge>;
}

function modelsLine(provider: ProviderStatusDto): string {
  if (!provider.configured) return provider.kind === "sandbox" ? "Simulated models switched off" : "No models until configured";
  if (provider.simulated) return `${provider.modelCount} simulated models`;
  const check = provider.lastCheck;
  // A count from the catalog says nothing about the key; only a passed check does.
  if (!check) return "Checking…";
  return check.ok ? `${check.modelCount ?? provider.modelCount} models` : "Its models are unavailable until the check passes";
}

function ProviderRow({ provider }: { provider: ProviderStatusDto }) {
  // Presets and custom providers added here are managed in Settings; the sandbox and
  // custom providers from CUSTOM_PROVIDER_* variables only by the environment.
  const editable = provider.kind === "preset" || provider.source === "settings";
  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-1.5">
          <h3 className="font-medium">{provider.label}</h3>
          <StatusBadge provider={provider} />
          {provider.simulated && <SimulatedBadge />}
          {provider.kind === "custom" && <Badge tone="indigo">custom</Badge>}
        </div>
        {editable ? (
          <ProviderBaseUrlControl provider={provider} />
        ) : (
          <p className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={provider.baseUrl}>
            {provider.baseUrl}
          </p>
        )}
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {modelsLine(provider)}
          {!editable && provider.envVar && provider.kind !== "sandbox" && (
            <>
              {" · set by "}
              <code className="rounded bg-zinc-100 px-1 py-px font-mono text-[11px] dark:bg-zinc-800">{provider.envVar}</code>
            </>
          )}
        </p>
        {editable && <ProviderKeyControl provider={provider} />}
        {provider.source === "settings" && <ProviderCustomActions provider={provider} />}
        {provider.kind === "sandbox" && <SandboxSwitch />}
      </div>
      {provider.configured && !provider.simulated && <ProviderCheck provider={provider} />}
    </li>
  );
}

export function ProviderList() {
  const { data, isPending, isError, error } = useQuery({ queryKey: queryKeys.providers, queryFn: fetchProviders });
  if (isPending) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading providers…</p>;
  if (isError) return <p role="alert" className="text-sm text-red-600">Could not load providers: {error.message}</p>;
  // Configured first: those are the ones someone came here to check.
  const sorted = [...data].sort((a, b) => Number(b.configured) - Number(a.configured) || a.label.localeCompare(b.label));
  return (
    <div className="space-y-4">
      <ul aria-label="Providers" className="divide-y divide-zinc-200 overflow-hidden rounded-2xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/50">
        {sorted.map((p) => (
          <ProviderRow key={p.id} provider={p} />
        ))}
      </ul>
      <CustomProviderForm />
    </div>
  );
}
