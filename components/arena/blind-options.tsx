"use client";
// The "Blind" switch of a new comparison: the models are labelled "Model A", "Model B", … in a
// random order, and nothing names them until the first vote. Either the picked models, or N
// drawn at random from a pool (every usable model, or the picked ones as a set).
export interface BlindChoice {
  on: boolean;
  source: "picked" | "random";
  count: number;
  pool: "all" | "picked";
}

export const BLIND_OFF: BlindChoice = { on: false, source: "random", count: 2, pool: "all" };

const radio = "flex items-center gap-1.5 text-sm";

export function BlindOptions({ value, onChange }: { value: BlindChoice; onChange: (next: BlindChoice) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-zinc-50 px-3 py-2 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <legend className="sr-only">Blind comparison</legend>
      <label className="flex items-center gap-1.5 text-sm font-medium">
        <input type="checkbox" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} />
        Blind
      </label>
      {value.on && (
        <>
          <div role="radiogroup" aria-label="Which models" className="flex flex-wrap gap-3">
            <label className={radio}>
              <input type="radio" name="blind-source" checked={value.source === "random"} onChange={() => onChange({ ...value, source: "random" })} />
              Random models
            </label>
            <label className={radio}>
              <input type="radio" name="blind-source" checked={value.source === "picked"} onChange={() => onChange({ ...value, source: "picked" })} />
              The models I pick
            </label>
          </div>
          {value.source === "random" && (
            <>
              <label className={radio}>
                How many
                <input
                  type="number"
                  min={2}
                  max={8}
                  value={value.count}
                  onChange={(e) => onChange({ ...value, count: Math.min(8, Math.max(2, Number(e.target.value) || 2)) })}
                  className="w-14 rounded-md border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-950"
                />
              </label>
              <label className={radio}>
                From
                <select value={value.pool} onChange={(e) => onChange({ ...value, pool: e.target.value as BlindChoice["pool"] })} className="rounded-md border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-950">
                  <option value="all">all usable models</option>
                  <option value="picked">the models I pick</option>
                </select>
              </label>
            </>
          )}
          <p className="basis-full text-xs text-zinc-600 dark:text-zinc-400">Columns are shown as Model A, B, … in a random order; names, providers, costs and speeds appear after your vote.</p>
        </>
      )}
    </fieldset>
  );
}
