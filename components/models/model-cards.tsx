// The catalog as cards, for phones: one model per card, prices in a three-column grid.
import type { ModelListProps } from "./model-table";
import { ModelBadges, Price, ProviderChips, SelectModelCheckbox, Tokens } from "./model-bits";

export function ModelCards({ models, selected, onToggle }: ModelListProps) {
  return (
    <ul className="space-y-2" aria-label="Models">
      {models.map((model) => {
        const hintId = `card-hint-${model.id}`;
        const isSelected = model.pickerId !== null && selected.has(model.pickerId);
        return (
          <li
            key={model.id}
            className={`rounded-lg border p-3 ${isSelected ? "border-indigo-300 bg-indigo-50/60 dark:border-indigo-800 dark:bg-indigo-950/30" : "border-zinc-200 dark:border-zinc-800"}`}
          >
            <div className="flex items-start gap-3">
              <div className="pt-0.5">
                <SelectModelCheckbox model={model} checked={isSelected} onToggle={() => onToggle(model)} hintId={hintId} />
              </div>
              <div className="min-w-0 flex-1 space-y-1.5">
                <div>
                  <div className="font-medium leading-snug">{model.name}</div>
                  <div className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">{model.id}</div>
                </div>
                <ModelBadges model={model} />
                <ProviderChips model={model} />
                <dl className="grid grid-cols-3 gap-x-2 gap-y-1 text-xs">
                  <Fact label="Input /M"><Price usd={model.inputPerMillion} /></Fact>
                  <Fact label="Output /M"><Price usd={model.outputPerMillion} /></Fact>
                  <Fact label="Cached /M">{model.cachedPerMillion === null && model.priceKnown ? "–" : <Price usd={model.cachedPerMillion} />}</Fact>
                  <Fact label="Context"><Tokens n={model.contextLength} /></Fact>
                  <Fact label="Max output"><Tokens n={model.maxOutputTokens} /></Fact>
                </dl>
                {model.enableHint && (
                  <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
                    {model.enableHint}
                  </p>
                )}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
