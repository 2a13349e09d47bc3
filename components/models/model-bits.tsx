// Small pieces shared by the desktop table and the phone cards.
import type { CatalogModelDto } from "@/lib/catalog/catalog-view-types";
import { formatTokens } from "@/lib/format/tokens";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

/** Exact list prices: this page exists to compare them, so nothing is rounded. */
export function Price({ usd }: { usd: string | null }) {
  if (usd === null) return <span className="text-zinc-600 dark:text-zinc-400" title="Price unknown">?</span>;
  return <span className="tabular-nums">${usd}</span>;
}

export function Tokens({ n }: { n: number | null }) {
  return <span className="tabular-nums" title={n === null ? "Unknown" : `${n.toLocaleString("en-US")} tokens`}>{n === null ? "?" : formatTokens(n)}</span>;
}

export function ModelBadges({ model }: { model: CatalogModelDto }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {model.simulated && <SimulatedBadge />}
      {model.free && <Badge tone="green">free</Badge>}
      {model.capabilities.tools && <Badge tone="indigo">tools</Badge>}
      {model.capabilities.vision && <Badge tone="indigo">vision</Badge>}
      {model.capabilities.reasoning && <Badge tone="indigo">reasoning</Badge>}
      {!model.priceKnown && <Badge tone="amber" title="The provider lists this model but publishes no price we know">price unknown</Badge>}
    </span>
  );
}

/** Providers serving the model; the ones this app can call now stand out. */
export function ProviderChips({ model }: { model: CatalogModelDto }) {
  const seen = new Set<string>();
  const chips = model.endpoints.filter((e) => !seen.has(e.provider) && seen.add(e.provider));
  return (
    <ul className="flex flex-wrap gap-1" aria-label={`Providers serving ${model.name}`}>
      {chips.map((e) => (
        <li
          key={e.provider}
          title={e.configured ? `${e.providerLabel}: configured (${e.upstreamId})` : `${e.providerLabel}: not configured`}
          className={`rounded px-1.5 py-px text-xs ${
            e.configured
              ? "bg-emerald-50 font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-900"
              : "text-zinc-600 ring-1 ring-zinc-200 ring-inset dark:text-zinc-400 dark:ring-zinc-700"
          }`}
        >
          {e.providerLabel}
          <span className="sr-only">{e.configured ? " (configured)" : " (not configured)"}</span>
        </li>
      ))}
    </ul>
  );
}

/** The per-model selection box; disabled, with the reason, when no configured provider serves the model. */
export function SelectModelCheckbox({ model, checked, onToggle, hintId }: { model: CatalogModelDto; checked: boolean; onToggle: () => void; hintId: string }) {
  const disabled = model.pickerId === null;
  return (
    <input
      type="checkbox"
      className="size-4 rounded border-zinc-300 accent-indigo-600 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-600"
      aria-label={`Select ${model.name}`}
      aria-describedby={disabled ? hintId : undefined}
      title={disabled ? (model.enableHint ?? undefined) : undefined}
      checked={checked}
      disabled={disabled}
      onChange={onToggle}
    />
  );
}
