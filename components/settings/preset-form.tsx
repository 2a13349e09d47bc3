"use client";
// Create or edit a preset: a name and slug, its models in order, a system prompt, the common
// parameters and routing preferences, and (admins) whether the whole team gets it. Fields the
// form does not show (set through the API) are kept as they were.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { queryKeys } from "@/lib/chat/client/api";
import type { PresetDto, PresetInput } from "@/lib/presets/preset-schema";
import { presetsQueryKey, savePreset } from "@/lib/presets/presets-client";
import { hint, input, label, primaryButton, secondaryButton } from "./api-keys-ui";
import { PresetModelsField } from "./preset-models-field";

type Sort = "" | "price" | "throughput" | "latency";

interface FormState {
  name: string;
  slug: string;
  slugEdited: boolean;
  description: string;
  models: string[];
  systemPrompt: string;
  temperature: string;
  maxTokens: string;
  topP: string;
  sort: Sort;
  allowFallbacks: boolean;
  team: boolean;
}

const EMPTY: FormState = { name: "", slug: "", slugEdited: false, description: "", models: [], systemPrompt: "", temperature: "", maxTokens: "", topP: "", sort: "", allowFallbacks: true, team: false };

const SORTS: { value: Sort; text: string }[] = [
  { value: "", text: "Best overall (price, speed and errors)" },
  { value: "price", text: "Lowest price first" },
  { value: "throughput", text: "Fastest first" },
  { value: "latency", text: "Lowest latency first" },
];

function fromPreset(p: PresetDto): FormState {
  const text = (n: number | undefined) => (n === undefined ? "" : String(n));
  return {
    name: p.name,
    slug: p.slug,
    slugEdited: true,
    description: p.description,
    models: p.models,
    systemPrompt: p.systemPrompt ?? "",
    temperature: text(p.parameters.temperature),
    maxTokens: text(p.parameters.max_tokens),
    topP: text(p.parameters.top_p),
    sort: p.provider.sort ?? "",
    allowFallbacks: p.provider.allow_fallbacks !== false,
    team: p.team,
  };
}

function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

/** Blank is "not set"; anything else goes as typed, so the server's message explains a mistake. */
const number = (text: string) => (text.trim() === "" ? undefined : Number(text));

function toInput(form: FormState, editing: PresetDto | null): PresetInput {
  const parameters = { ...editing?.parameters, temperature: number(form.temperature), max_tokens: number(form.maxTokens), top_p: number(form.topP) };
  const provider = { ...editing?.provider, sort: form.sort || undefined, allow_fallbacks: form.allowFallbacks ? undefined : false };
  return {
    slug: form.slug,
    name: form.name,
    description: form.description,
    models: form.models,
    systemPrompt: form.systemPrompt,
    parameters,
    provider,
    team: form.team,
  };
}

export function PresetForm({ editing, admin, onDone }: { editing: PresetDto | null; admin: boolean; onDone: () => void }) {
  const id = useId();
  const field = (name: string) => `${id}-${name}`;
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(editing ? fromPreset(editing) : EMPTY);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => savePreset(toInput(form, editing), editing?.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: presetsQueryKey });
      // The chatroom's picker lists presets too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.models });
      setForm(EMPTY);
      onDone();
    },
  });

  return (
    <form
      aria-label={editing ? `Edit preset ${editing.name}` : "New preset"}
      className="space-y-4 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={field("name")} className={label}>
            Name
          </label>
          <input
            id={field("name")}
            className={input}
            value={form.name}
            required
            maxLength={100}
            onChange={(e) => setForm((f) => ({ ...f, name: e.target.value, slug: f.slugEdited ? f.slug : slugFrom(e.target.value) }))}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={field("slug")} className={label}>
            Slug
          </label>
          <input id={field("slug")} className={`${input} font-mono`} value={form.slug} required maxLength={64} onChange={(e) => setForm((f) => ({ ...f, slug: e.target.value, slugEdited: true }))} />
          <p className={hint}>
            Call it as <code className="font-mono">@preset/{form.slug || "<slug>"}</code>
          </p>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={field("description")} className={label}>
          Description (optional)
        </label>
        <input id={field("description")} className={input} value={form.description} maxLength={500} onChange={(e) => set("description", e.target.value)} />
      </div>
      <PresetModelsField value={form.models} onChange={(models) => set("models", models)} />
      <div className="space-y-1">
        <label htmlFor={field("system")} className={label}>
          System prompt (optional)
        </label>
        <textarea id={field("system")} className={`${input} min-h-20`} value={form.systemPrompt} onChange={(e) => set("systemPrompt", e.target.value)} />
        <p className={hint}>Sent before the request&apos;s own messages.</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <NumberInput id={field("temperature")} text="Temperature" value={form.temperature} step="0.1" onChange={(v) => set("temperature", v)} />
        <NumberInput id={field("max-tokens")} text="Max output tokens" value={form.maxTokens} step="1" onChange={(v) => set("maxTokens", v)} />
        <NumberInput id={field("top-p")} text="Top P" value={form.topP} step="0.05" onChange={(v) => set("topP", v)} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={field("sort")} className={label}>
            Provider order
          </label>
          <select id={field("sort")} className={input} value={form.sort} onChange={(e) => set("sort", e.target.value as Sort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.text}
              </option>
            ))}
          </select>
        </div>
        <Checkbox id={field("fallbacks")} text="Fall back to other providers" checked={form.allowFallbacks} onChange={(v) => set("allowFallbacks", v)}>
          When a model has several providers, try the next one if the first fails.
        </Checkbox>
      </div>
      {admin && (
        <Checkbox id={field("team")} text="Team preset" checked={form.team} onChange={(v) => set("team", v)}>
          Every user of this instance can use it; only admins can change it.
        </Checkbox>
      )}
      {save.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/40 dark:text-red-300">
          Could not save the preset: {save.error.message}
        </p>
      )}
      <p className={hint}>Parameters left empty are not sent; a request&apos;s own parameters win over the preset&apos;s.</p>
      <div className="flex flex-wrap justify-end gap-2">
        {editing && (
          <button type="button" className={secondaryButton} onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className={primaryButton} disabled={save.isPending || form.models.length === 0}>
          {save.isPending ? "Saving…" : editing ? "Save preset" : "Create preset"}
        </button>
      </div>
    </form>
  );
}

function NumberInput({ id, text, value, step, onChange }: { id: string; text: string; value: string; step: string; onChange: (value: string) => void }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <input id={id} type="number" inputMode="decimal" step={step} min="0" className={input} value={value} placeholder="default" onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function Checkbox({ id, text, checked, onChange, children }: { id: string; text: string; checked: boolean; onChange: (value: boolean) => void; children: React.ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-0.5 size-4 accent-indigo-600" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {text}
        </label>
        <p className={hint}>{children}</p>
      </div>
    </div>
  );
}
