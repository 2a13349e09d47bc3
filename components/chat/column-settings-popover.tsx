"use client";
// Per-column temperature, top_p, max tokens, stop sequences, reasoning effort and system
// prompt. Empty fields mean "the model's default". A parameter the model does not take (the
// catalog's supported parameters, the provider's quirks) says so: it would be dropped.
import { useCallback, useId, useRef, useState } from "react";
import type { ColumnSettings } from "@/lib/chat/api-types";
import { SlidersIcon } from "@/components/ui/icons";
import { useClickOutside } from "@/components/ui/use-click-outside";

interface Props {
  modelName: string;
  settings: ColumnSettings;
  disabled?: boolean;
  onChange: (settings: ColumnSettings) => void;
  /** Parameters (temperature, top_p, stop, reasoning) the model does not take. */
  unsupported?: readonly string[];
}

function NotSupported({ show }: { show: boolean }) {
  return show ? <span className="ml-1 rounded bg-amber-100 px-1 font-normal text-amber-900 dark:bg-amber-950 dark:text-amber-200">not supported by this model</span> : null;
}

const field = "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950";

function parseNumber(text: string, integer: boolean): number | null {
  if (text.trim() === "") return null;
  const n = integer ? Number.parseInt(text, 10) : Number(text);
  return Number.isFinite(n) ? n : null;
}

export function ColumnSettingsPopover({ modelName, settings, disabled, onChange, unsupported = [] }: Props) {
  const no = (name: string) => unsupported.includes(name);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const customised =
    settings.temperature != null || settings.maxTokens != null || !!settings.systemPrompt?.trim() || settings.topP != null || !!settings.stop?.length || !!settings.reasoningEffort;

  const close = useCallback(() => setOpen(false), []);
  useClickOutside(rootRef, open, close);

  return (
    <div ref={rootRef} className="relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        aria-label={`Settings for ${modelName}`}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        title={customised ? "Custom settings" : "Settings"}
        className={`relative rounded-md p-1.5 hover:bg-zinc-200/70 disabled:opacity-40 dark:hover:bg-zinc-800 ${customised ? "text-indigo-600 dark:text-indigo-400" : "text-zinc-600 dark:text-zinc-400"}`}
      >
        <SlidersIcon />
        {customised && <span aria-hidden="true" className="absolute top-1 right-1 size-1.5 rounded-full bg-indigo-500" />}
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          role="dialog"
          aria-label={`Settings for ${modelName}`}
          className="absolute right-0 z-30 mt-1 max-h-[70dvh] w-72 space-y-3 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div>
            <label htmlFor={`${id}-temperature`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300">
              Temperature <span className="font-normal text-zinc-600 dark:text-zinc-400">(0–2, empty = default)</span>
              <NotSupported show={no("temperature")} />
            </label>
            <input
              id={`${id}-temperature`}
              type="number"
              inputMode="decimal"
              min={0}
              max={2}
              step={0.1}
              autoFocus
              value={settings.temperature ?? ""}
              onChange={(e) => {
                const n = parseNumber(e.target.value, false);
                onChange({ ...settings, temperature: n === null ? null : Math.min(2, Math.max(0, n)) });
              }}
              className={field}
            />
          </div>
          <div>
            <label htmlFor={`${id}-top-p`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300">
              Top P <span className="font-normal text-zinc-600 dark:text-zinc-400">(0–1, empty = default)</span>
              <NotSupported show={no("top_p")} />
            </label>
            <input
              id={`${id}-top-p`}
              type="number"
              inputMode="decimal"
              min={0}
              max={1}
              step={0.05}
              value={settings.topP ?? ""}
              onChange={(e) => {
                const n = parseNumber(e.target.value, false);
                onChange({ ...settings, topP: n === null ? null : Math.min(1, Math.max(0, n)) });
              }}
              className={field}
            />
          </div>
          <div>
            <label htmlFor={`${id}-max-tokens`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300">
              Max tokens <span className="font-normal text-zinc-600 dark:text-zinc-400">(empty = model limit)</span>
            </label>
            <input
              id={`${id}-max-tokens`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={settings.maxTokens ?? ""}
              onChange={(e) => {
                const n = parseNumber(e.target.value, true);
                onChange({ ...settings, maxTokens: n === null || n < 1 ? null : n });
              }}
              className={field}
            />
          </div>
          <div>
            <label htmlFor={`${id}-stop`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300">
              Stop sequences <span className="font-normal text-zinc-600 dark:text-zinc-400">(one per line, up to 4)</span>
              <NotSupported show={no("stop")} />
            </label>
            <textarea
              id={`${id}-stop`}
              rows={2}
              value={(settings.stop ?? []).join("\n")}
              onChange={(e) => {
                const lines = e.target.value.split("\n").slice(0, 4);
                onChange({ ...settings, stop: lines.some((l) => l !== "") ? lines : null });
              }}
              onBlur={() => onChange({ ...settings, stop: settings.stop?.filter((l) => l !== "").length ? settings.stop.filter((l) => l !== "") : null })}
              className={`${field} resize-y font-mono`}
            />
          </div>
          <div>
            <label htmlFor={`${id}-effort`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300">
              Reasoning effort
              <NotSupported show={no("reasoning")} />
            </label>
            <select
              id={`${id}-effort`}
              value={settings.reasoningEffort ?? ""}
              onChange={(e) => onChange({ ...settings, reasoningEffort: (e.target.value || null) as ColumnSettings["reasoningEffort"] })}
              className={field}
            >
              <option value="">Model default</option>
              <option value="minimal">Minimal</option>
              <option value="low">Low</option>
              <option value="medium">Medium</option>
              <option value="high">High</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-system`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300">
              System prompt
            </label>
            <textarea
              id={`${id}-system`}
              rows={4}
              value={settings.systemPrompt ?? ""}
              onChange={(e) => onChange({ ...settings, systemPrompt: e.target.value || null })}
              placeholder="You are a helpful assistant."
              className={`${field} resize-y`}
            />
          </div>
          <div className="flex justify-between">
            <button
              type="button"
              onClick={() => onChange({ modelId: settings.modelId, temperature: null, maxTokens: null, systemPrompt: null, topP: null, stop: null, reasoningEffort: null })}
              className="rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Reset
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md bg-zinc-900 px-3 py-1 text-xs font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
