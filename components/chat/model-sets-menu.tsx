"use client";
// "Model sets": save the current columns (models and their settings) under a name, open a
// saved set (or any preset) as a new comparison, copy a link to one. Sets are presets — the
// same list as Settings → Presets — so there is one place they live.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useId, useRef, useState } from "react";
import type { ColumnSettings } from "@/lib/chat/api-types";
import { lastSetSlug, linkToColumns, linkToSet, setInputOf } from "@/lib/chat/client/model-sets";
import { fetchPresets, presetsQueryKey, savePreset } from "@/lib/presets/presets-client";
import { CopyButton } from "@/components/ui/copy-button";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { answerActionButton } from "./answer-card";

interface Props {
  columns: readonly ColumnSettings[];
  /** Opens a set: on a new comparison its columns are picked here; elsewhere it goes to `/?set=`. */
  onOpen: (slug: string) => void;
  /** The name a link gave these columns. */
  defaultName?: string;
}

export function ModelSetsMenu({ columns, onOpen, defaultName }: Props) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(defaultName ?? "");
  const [status, setStatus] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useClickOutside(rootRef, open, close);
  const id = useId();
  const presets = useQuery({ queryKey: presetsQueryKey, queryFn: fetchPresets, enabled: open });
  const last = open ? lastSetSlug() : null;
  const sets = [...(presets.data ?? [])].sort((a, b) => Number(b.columns !== null) - Number(a.columns !== null));

  const save = async () => {
    setStatus(null);
    try {
      const saved = await savePreset(setInputOf(name, columns));
      setStatus(`Saved "${saved.name}"`);
      setName("");
      await queryClient.invalidateQueries({ queryKey: presetsQueryKey });
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div ref={rootRef} className="relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className={answerActionButton}>
        Model sets
      </button>
      {open && (
        <div role="dialog" aria-label="Model sets" className="absolute right-0 z-40 mt-1 max-h-[70dvh] w-80 max-w-[calc(100vw-1.5rem)] space-y-3 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <section aria-label="Saved model sets">
            <h2 className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">Saved sets and presets</h2>
            {presets.isPending ? (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">Loading…</p>
            ) : sets.length === 0 ? (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">None yet: save the columns below.</p>
            ) : (
              <ul className="space-y-1">
                {sets.map((set) => (
                  <li key={set.id} className="flex items-center gap-1.5">
                    <span className="min-w-0 flex-1 truncate" title={set.description || set.name}>
                      {set.name}
                      <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">
                        · {(set.columns ?? set.models).length} {set.columns ? "columns" : "models"}
                        {set.slug === last ? " · last used" : ""}
                      </span>
                    </span>
                    <button
                      type="button"
                      aria-label={`Open ${set.name}`}
                      onClick={() => {
                        setOpen(false);
                        onOpen(set.slug);
                      }}
                      className={answerActionButton}
                    >
                      Open
                    </button>
                    <CopyButton text={() => new URL(linkToSet(set.slug), location.href).href} label={`Copy a link to ${set.name}`} caption="Link" className={answerActionButton} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          {columns.length > 0 && (
            <form
              className="space-y-1.5 border-t border-zinc-100 pt-3 dark:border-zinc-800"
              onSubmit={(e) => {
                e.preventDefault();
                if (name.trim()) void save();
              }}
            >
              <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-300">
                Save these {columns.length} columns (models and settings) as
              </label>
              <div className="flex gap-1.5">
                <input id={id} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="Set name" className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950" />
                <button type="submit" disabled={!name.trim()} className="rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900">
                  Save set
                </button>
              </div>
              {status && (
                <p role="status" className="text-xs text-zinc-700 dark:text-zinc-300">
                  {status}
                </p>
              )}
              <CopyButton text={() => new URL(linkToColumns(columns, name), location.href).href} label="Copy a link to these columns" caption="Copy a link to these columns" className={answerActionButton} />
            </form>
          )}
        </div>
      )}
    </div>
  );
}
