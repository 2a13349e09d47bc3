"use client";
// The form for a new key: a name, and optionally a credit limit with its reset period,
// rate limits, prompt logging and an expiry date. Empty limit fields mean "no limit".
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { CreatedApiKeyDto, CreditResetName } from "@/lib/auth/api-keys-dto";
import { apiKeysQueryKey, postApiKey, type CreateApiKeyBody } from "@/lib/auth/api-keys-client";
import { hint, input, label, primaryButton } from "./api-keys-ui";

interface FormState {
  name: string;
  creditLimitUsd: string;
  creditReset: CreditResetName;
  rpm: string;
  rpd: string;
  tpm: string;
  logPrompts: boolean;
  responseCache: boolean;
  expiresAt: string;
}

const EMPTY: FormState = { name: "", creditLimitUsd: "", creditReset: "never", rpm: "", rpd: "", tpm: "", logPrompts: false, responseCache: false, expiresAt: "" };

const RESETS: { value: CreditResetName; text: string }[] = [
  { value: "never", text: "Never" },
  { value: "daily", text: "Daily" },
  { value: "weekly", text: "Weekly" },
  { value: "monthly", text: "Monthly" },
];

/** Blank means no limit; anything else goes to the server as typed, so its message explains. */
function limit(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}

function toBody(form: FormState): CreateApiKeyBody {
  return {
    name: form.name,
    creditLimitUsd: form.creditLimitUsd.trim() === "" ? null : form.creditLimitUsd.trim(),
    creditReset: form.creditReset,
    rpm: limit(form.rpm),
    rpd: limit(form.rpd),
    tpm: limit(form.tpm),
    logPrompts: form.logPrompts,
    responseCache: form.responseCache,
    expiresAt: form.expiresAt === "" ? null : form.expiresAt,
  };
}

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKeyDto) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(EMPTY);
  const create = useMutation({
    mutationFn: postApiKey,
    onSuccess: (created) => {
      setForm(EMPTY);
      void queryClient.invalidateQueries({ queryKey: apiKeysQueryKey });
      onCreated(created);
    },
  });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const field = (name: string) => `${id}-${name}`;
  const hasLimit = form.creditLimitUsd.trim() !== "";

  return (
    <form
      aria-label="Create API key"
      className="space-y-4 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(toBody(form));
      }}
    >
      <div className="grid grid-cols-2 gap-x-3 gap-y-4 sm:gap-x-4">
        <div className="col-span-2 space-y-1">
          <label htmlFor={field("name")} className={label}>
            Name
          </label>
          <input id={field("name")} className={input} value={form.name} onChange={(e) => set("name", e.target.value)} placeholder="e.g. Nightly evals" required maxLength={100} autoComplete="off" />
        </div>
        <div className="space-y-1">
          <label htmlFor={field("credit")} className={label}>
            Credit limit (USD)
          </label>
          <input id={field("credit")} className={input} value={form.creditLimitUsd} onChange={(e) => set("creditLimitUsd", e.target.value)} placeholder="No limit" inputMode="decimal" autoComplete="off" />
        </div>
        <div className="space-y-1">
          <label htmlFor={field("reset")} className={label}>
            Credit resets
          </label>
          <select id={field("reset")} className={input} value={form.creditReset} onChange={(e) => set("creditReset", e.target.value as CreditResetName)} disabled={!hasLimit}>
            {RESETS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.text}
              </option>
            ))}
          </select>
        </div>
        <NumberField id={field("rpm")} text="Requests per minute" value={form.rpm} onChange={(v) => set("rpm", v)} />
        <NumberField id={field("rpd")} text="Requests per day" value={form.rpd} onChange={(v) => set("rpd", v)} />
        <NumberField id={field("tpm")} text="Tokens per minute" value={form.tpm} onChange={(v) => set("tpm", v)} />
        <div className="space-y-1">
          <label htmlFor={field("expires")} className={label}>
            Expires after (UTC date)
          </label>
          <input id={field("expires")} type="date" className={input} value={form.expiresAt} onChange={(e) => set("expiresAt", e.target.value)} />
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input id={field("log")} type="checkbox" className="mt-0.5 size-4 accent-indigo-600" checked={form.logPrompts} onChange={(e) => set("logPrompts", e.target.checked)} />
        <div>
          <label htmlFor={field("log")} className="text-sm font-medium">
            Log prompts
          </label>
          <p className={hint}>Keep the request and answer text of this key&apos;s calls in the activity log. Off: only tokens and cost are kept.</p>
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input
          id={field("cache")}
          type="checkbox"
          className="mt-0.5 size-4 accent-indigo-600"
          checked={form.responseCache}
          onChange={(e) => set("responseCache", e.target.checked)}
        />
        <div>
          <label htmlFor={field("cache")} className="text-sm font-medium">
            Cache responses
          </label>
          <p className={hint}>
            Answer a request identical to an earlier one from the response cache, at no cost, instead of calling the provider again. Any key can also ask
            per request with the <code>X-Switchyard-Cache: true</code> header.
          </p>
        </div>
      </div>
      {create.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/40 dark:text-red-300">
          Could not create the key: {create.error.message}
        </p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className={hint}>
          Empty fields mean no limit. Credit periods reset at 00:00 UTC (weeks on Monday, months on the 1st). Tokens per minute count prompt plus
          max_tokens until the answer&apos;s real size is known.
        </p>
        <button type="submit" className={`${primaryButton} shrink-0 self-end sm:self-auto`} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </div>
    </form>
  );
}

function NumberField({ id, text, value, onChange }: { id: string; text: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <input id={id} type="number" min={1} step={1} className={input} value={value} onChange={(e) => onChange(e.target.value)} placeholder="No limit" inputMode="numeric" />
    </div>
  );
}
