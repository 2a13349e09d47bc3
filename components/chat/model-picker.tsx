"use client";
// A multi-select combobox: type to filter, arrows to move, Enter or click to add or remove.
import { useId, useMemo, useRef, useState } from "react";
import type { ModelOption } from "@/lib/chat/api-types";
import { MAX_MODELS } from "@/lib/chat/client/limits";
import { visibleName } from "@/lib/chat/client/use-models";
import { SimulatedBadge } from "@/components/ui/badge";
import { XIcon } from "@/components/ui/icons";
import { ModelOptionContent } from "./model-option-content";

interface Props {
  models: ModelOption[];
  loading: boolean;
  selected: string[];
  onToggle: (modelId: string) => void;
  onRemove: (index: number) => void;
}

function matches(model: ModelOption, terms: string[]): boolean {
  const haystack = `${model.name} ${model.id} ${model.providerLabel} ${model.free ? "free" : ""} ${model.simulated ? "simulated" : ""}`.toLowerCase();
  return terms.every((t) => haystack.includes(t));
}

export function ModelPicker({ models, loading, selected, onToggle, onRemove }: Props) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const full = selected.length >= MAX_MODELS;

  const filtered = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    return models.filter((m) => matches(m, terms));
  }, [models, query]);
  const activeIndex = Math.min(active, Math.max(filtered.length - 1, 0));
  const byId = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);

  function choose(model: ModelOption | undefined) {
    if (!model) return;
    if (full && !selected.includes(model.id)) return;
    onToggle(model.id);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((filtered.length + activeIndex + step) % Math.max(filtered.length, 1));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      choose(filtered[activeIndex]);
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Backspace" && query === "" && selected.length > 0) {
      onRemove(selected.length - 1);
    }
  }

  return (
    <div className="space-y-2">
      {selected.length > 0 && (
        <ul aria-label="Selected models" className="flex flex-wrap gap-1.5">
          {selected.map((id, index) => {
            const model = byId.get(id);
            const name = model?.name ?? id;
            return (
              <li key={id} className="flex items-center gap-1.5 rounded-full bg-zinc-100 py-0.5 pr-0.5 pl-2.5 text-sm ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
                <span className="max-w-[14rem] truncate">{visibleName(name, model?.simulated ?? false)}</span>
                {model?.simulated && <SimulatedBadge />}
                <button
                  type="button"
                  onClick={() => onRemove(index)}
                  aria-label={`Remove ${name}`}
                  className="rounded-full p-1 text-zinc-600 dark:text-zinc-400 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
                >
                  <XIcon className="size-3" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="relative">
        <label htmlFor={`${listId}-input`} className="sr-only">
          Search models
        </label>
        <input
          ref={inputRef}
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${listId}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && filtered[activeIndex] ? `${listId}-${activeIndex}` : undefined}
          value={query}
          placeholder={loading ? "Loading models…" : full ? `${MAX_MODELS} models chosen (the most at once)` : "Search models to compare…"}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none placeholder:text-zinc-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {open && (
          <ul
            id={`${listId}-list`}
            role="listbox"
            aria-label="Models"
            aria-multiselectable="true"
            // Keep focus in the input so typing keeps filtering while options are clicked.
            onMouseDown={(e) => e.preventDefault()}
            className="absolute z-30 mt-1 max-h-80 w-full overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          >
            {filtered.length === 0 && <li className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400">{loading ? "Loading…" : "No model matches."}</li>}
            {filtered.map((model, index) => {
              const isSelected = selected.includes(model.id);
              const disabled = full && !isSelected;
              return (
                <li
                  key={model.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={isSelected}
                  aria-disabled={disabled || undefined}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => choose(model)}
                  className={`flex cursor-pointer items-start gap-2 rounded-md px-2.5 py-2 text-sm ${index === activeIndex ? "bg-zinc-100 dark:bg-zinc-800" : ""} ${
                    disabled ? "cursor-not-allowed opacity-50" : ""
                  }`}
                >
                  <span aria-hidden="true" className={`mt-0.5 grid size-4 shrink-0 place-items-center rounded border text-[10px] ${isSelected ? "border-indigo-600 bg-indigo-600 text-white" : "border-zinc-300 dark:border-zinc-600"}`}>
                    {isSelected ? "✓" : ""}
                  </span>
                  <ModelOptionContent model={model} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {selected.length} of {MAX_MODELS} chosen · compare 2–8 models (one works too)
      </p>
    </div>
  );
}
