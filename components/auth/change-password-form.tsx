"use client";
import { useMutation } from "@tanstack/react-query";
import { requestJson } from "@/lib/chat/client/api";

const input = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Changes the signed-in user's own password; their other browsers are signed out. */
export function ChangePasswordForm() {
  const mutation = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => requestJson("/api/auth/password", { method: "POST", json: body }),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    mutation.mutate({ currentPassword: String(data.get("currentPassword")), newPassword: String(data.get("newPassword")) }, { onSuccess: () => form.reset() });
  }

  return (
    <form method="post" onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <label className="space-y-1 text-sm">
        <span>Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required className={input} />
      </label>
      <label className="space-y-1 text-sm">
        <span>New password</span>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={8} className={input} />
      </label>
      <button type="submit" disabled={mutation.isPending} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900">
        Change password
      </button>
      {mutation.error && (
        <p role="alert" className="text-sm text-red-600 sm:col-span-3 dark:text-red-400">
          {mutation.error.message}
        </p>
      )}
      {mutation.isSuccess && (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-3 dark:text-emerald-400">
          Password changed. Other browsers signed in as you were signed out.
        </p>
      )}
    </form>
  );
}
