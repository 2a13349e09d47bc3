"use client";
// A preset's models in order: the first is called, the others are its fallbacks. Add from the
// models this instance serves (or type any id), move up, remove.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchModels, queryKeys } from "@/lib/chat/client/api";
import { MAX_PRESET_MODELS } from "@/lib/presets/preset-schema";
import { hint, input, label, secondaryButton } from "./api-keys-ui";

export function PresetModelsField({ value, onChange }: { value: string[]; onChange: (models: string[]) => void }) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const models = useQuery({ queryKey: queryKeys.models, queryFn: fetchModels, staleTime: 60_000 });
  const options = (models.data ?? []).filter((m) => !m.preset && !value.includes(m.id));
  const full = value.length >= MAX_PRESET_MODELS;

  function add() {
    const model = draft.trim();
    if (!model || value.includes(model) || full) return;
    onChange([...value, model]);
    setDraft("");
  }

  return (
    <fieldset className="space-y-2">
      <legend className={label}>Models</legend>
      {value.length > 0 && (
        <ol aria-label="Models in order" className="space-y-1">
          {value.map((model, i) => (
            <li key={model} className="flex items-center justify-between gap-2 rounded-md bg-zinc-50 px-2.5 py-1.5 text-sm dark:bg-zinc-800/60">
              <span className="min-w-0 truncate font-mono text-xs">
                <span className="mr-2 text-zinc-500 dark:text-zinc-400">{i === 0 ? "first" : `fallback ${i}`}</span>
                {model}
              </span>
              <span className="flex shrink-0 gap-1">
                {i > 0 && (
                  <button type="button" className={secondaryButton} aria-label={`Move ${model} up`} onClick={() => onChange(moveUp(value, i))}>
                    ↑
                  </button>
                )}
                <button type="button" className={secondaryButton} aria-label={`Remove ${model}`} onClick={() => onChange(value.filter((m) => m !== model))}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="flex gap-2">
        <label htmlFor={`${id}-add`} className="sr-only">
          Add a model
        </label>
        <input
          id={`${id}-add`}
          list={`${id}-options`}
          className={input}
          placeholder={full ? `${MAX_PRESET_MODELS} models at most` : "provider/model, e.g. sandbox/swift-mini"}
          value={draft}
          disabled={full}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-options`}>
          {options.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </datalist>
        <button type="button" className={secondaryButton} onClick={add} disabled={full || draft.trim() === ""}>
          Add model
        </button>
      </div>
      <p className={hint}>The first model answers; when it fails before its first token, the next one is tried, in this order.</p>
    </fieldset>
  );
}

function moveUp(list: string[], index: number): string[] {
  const next = list.slice();
  [next[index - 1], next[index]] = [next[index], next[index - 1]];
  return next;
}
