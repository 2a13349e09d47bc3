"use client";
// "Add custom provider": any OpenAI-compatible server (vLLM, llama.cpp, a gateway). Its
// models appear as <name>/<model>; without a list, the server's GET /models is asked.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { hint, input, label, primaryButton } from "./api-keys-ui";
import { addCustomProvider, refreshAfterProviderChange, type NewCustomProviderBody } from "./provider-settings-api";

const EMPTY = { name: "", baseUrl: "", apiKey: "", models: "" };

export function CustomProviderForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const add = useMutation({
    mutationFn: (body: NewCustomProviderBody) => addCustomProvider(body),
    onSuccess: () => {
      setForm(EMPTY);
      refreshAfterProviderChange(queryClient);
    },
  });
  const set = (key: keyof typeof EMPTY, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const field = (name: string) => `${id}-${name}`;

  return (
    <form method="post"
      aria-label="Add custom provider"
      className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900/50"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({
          name: form.name.trim(),
          baseUrl: form.baseUrl.trim(),
          ...(form.apiKey.trim() ? { apiKey: form.apiKey.trim() } : {}),
          ...(form.models.trim() ? { models: form.models.trim() } : {}),
        });
      }}
    >
      <h3 className="text-sm font-semibold">Add custom provider</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={field("name")} className={label}>
            Name
          </label>
          <input id={field("name")} className={input} value={form.name} onChange={(e) => set("name", e.target.value)} placeholder="e.g. myvllm" required maxLength={40} autoComplete="off" spellCheck={false} />
        </div>
        <div className="space-y-1">
          <label htmlFor={field("url")} className={label}>
            Base URL
          </label>
          <input id={field("url")} type="url" className={input} value={form.baseUrl} onChange={(e) => set("baseUrl", e.target.value)} placeholder="http://10.0.0.5:8000/v1" required autoComplete="off" />
        </div>
        <div className="space-y-1">
          <label htmlFor={field("key")} className={label}>
            API key (optional)
          </label>
          <input id={field("key")} type="password" className={input} value={form.apiKey} onChange={(e) => set("apiKey", e.target.value)} autoComplete="new-password" spellCheck={false} />
        </div>
        <div className="space-y-1">
          <label htmlFor={field("models")} className={label}>
            Models (optional, comma-separated)
          </label>
          <input id={field("models")} className={input} value={form.models} onChange={(e) => set("models", e.target.value)} placeholder="Asked from the server when empty" autoComplete="off" spellCheck={false} />
        </div>
      </div>
      {add.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/40 dark:text-red-300">
          Could not add the provider: {add.error.message}
        </p>
      )}
      {add.isSuccess && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Added {add.data.provider.label}: its models appear as {add.data.provider.id}/&lt;model&gt;.
          {add.data.check && !add.data.check.ok && <span className="block text-red-700 dark:text-red-400">But it does not answer yet: {add.data.check.error}</span>}
        </p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className={hint}>Lower-case letters, digits and dashes. The key is stored encrypted and never shown again.</p>
        <button type="submit" className={`${primaryButton} shrink-0 self-end sm:self-auto`} disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add provider"}
        </button>
      </div>
    </form>
  );
}
