"use client";
import { useMutation } from "@tanstack/react-query";
import { requestJson } from "@/lib/chat/client/api";
import { input, primaryButton } from "@/components/settings/api-keys-ui";


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
      <button type="submit" disabled={mutation.isPending} className={primaryButton}>
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
