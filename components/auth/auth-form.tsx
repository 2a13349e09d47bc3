"use client";
import { useState } from "react";
import { Brand } from "@/components/layout/brand";
import { useHydrated } from "@/components/ui/use-hydrated";
import { jsonWriteHeaders } from "@/lib/http/csrf-client";

interface Field {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autoComplete: string;
}

/** The sign-in and first-run forms: posts JSON, shows the server's message on failure. */
export function AuthForm({ action, fields, submitLabel, next }: { action: string; fields: Field[]; submitLabel: string; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = Object.fromEntries(new FormData(event.currentTarget).entries());
    try {
      const response = await fetch(action, { method: "POST", headers: jsonWriteHeaders(), body: JSON.stringify(body) });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(data?.error?.message ?? `Request failed (${response.status})`);
    } catch {
      setError("Could not reach Switchyard. Is the server running?");
    }
    setBusy(false);
  }

  return (
    // POST, never GET: should the browser ever submit it natively, the password stays out of the URL.
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      {fields.map((field) => (
        <label key={field.name} className="block space-y-1">
          <span className="text-sm font-medium">{field.label}</span>
          <input
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            required
            className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-300 dark:border-zinc-700 dark:bg-zinc-900 dark:focus:ring-zinc-700"
          />
        </label>
      ))}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy || !hydrated}
        className="w-full rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
      >
        {busy ? "Please wait…" : submitLabel}
      </button>
    </form>
  );
}

export function AuthCard({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-zinc-50 px-4 dark:bg-zinc-950">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="space-y-1">
          <Brand />
          <h1 className="pt-2 text-xl font-semibold tracking-tight">{title}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{intro}</p>
        </div>
        {children}
      </div>
    </main>
  );
}
