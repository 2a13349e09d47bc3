// The catalog as a table, for screens wide enough to read a row at a glance.
import type { CatalogModelDto } from "@/lib/catalog/catalog-view-types";
import { ModelBadges, Price, ProviderChips, SelectModelCheckbox, Tokens } from "./model-bits";

export interface ModelListProps {
  models: CatalogModelDto[];
  selected: ReadonlySet<string>;
  onToggle: (model: CatalogModelDto) => void;
}

const th = "px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-zinc-600 dark:text-zinc-400";
const num = "px-3 py-2 text-right text-sm whitespace-nowrap";

export function ModelTable({ models, selected, onToggle }: ModelListProps) {
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">Models, with prices in USD per million tokens</caption>
      <thead className="sticky top-0 z-10 bg-white/95 backdrop-blur dark:bg-zinc-950/95">
        <tr className="border-b border-zinc-200 dark:border-zinc-800">
          <th scope="col" className={`${th} w-8`}>
            <span className="sr-only">Select</span>
          </th>
          <th scope="col" className={th}>Model</th>
          <th scope="col" className={th}>Providers</th>
          <th scope="col" className={`${th} text-right`}>Input /M</th>
          <th scope="col" className={`${th} text-right`}>Output /M</th>
          <th scope="col" className={`${th} text-right`}>Cached /M</th>
          <th scope="col" className={`${th} text-right`}>Context</th>
          <th scope="col" className={`${th} text-right`}>Max output</th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => {
          const hintId = `table-hint-${model.id}`;
          const isSelected = model.pickerId !== null && selected.has(model.pickerId);
          return (
            <tr key={model.id} className={`border-b border-zinc-100 align-top dark:border-zinc-800/70 ${isSelected ? "bg-indigo-50/60 dark:bg-indigo-950/30" : "hover:bg-zinc-50 dark:hover:bg-zinc-900/60"}`}>
              <td className="px-3 py-2.5">
                <SelectModelCheckbox model={model} checked={isSelected} onToggle={() => onToggle(model)} hintId={hintId} />
              </td>
              <td className="max-w-[22rem] px-3 py-2">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium">{model.name}</span>
                  <ModelBadges model={model} />
                </div>
                <div className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={model.id}>
                  {model.id}
                </div>
                {model.enableHint && (
                  <p id={hintId} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                    {model.enableHint}
                  </p>
                )}
              </td>
              <td className="max-w-[16rem] px-3 py-2">
                <ProviderChips model={model} />
              </td>
              <td className={num}><Price usd={model.inputPerMillion} /></td>
              <td className={num}><Price usd={model.outputPerMillion} /></td>
              <td className={num}>{model.cachedPerMillion === null && model.priceKnown ? <span className="text-zinc-600 dark:text-zinc-400">–</span> : <Price usd={model.cachedPerMillion} />}</td>
              <td className={num}><Tokens n={model.contextLength} /></td>
              <td className={num}><Tokens n={model.maxOutputTokens} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
