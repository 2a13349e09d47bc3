"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { createUser, usersKey } from "./users-client";
import { input, primaryButton } from "@/components/settings/api-keys-ui";


/** An admin adds a member (or another admin) with a first password to hand over. */
export function CreateUserForm() {
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const hydrated = useHydrated();
  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: ({ user }) => {
      setMessage(`Added ${user.email}. Give them the password you chose; they can change it in Settings.`);
      void client.invalidateQueries({ queryKey: usersKey });
    },
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const budget = String(data.get("budget") ?? "").trim();
    mutation.mutate(
      {
        name: String(data.get("name") ?? ""),
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        role: data.get("role") === "admin" ? "admin" : "member",
        monthlyBudgetUsd: budget === "" ? null : budget,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form method="post" onSubmit={submit} aria-labelledby="add-user-heading" className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="add-user-heading" className="font-semibold">
        Add a user
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="space-y-1 text-sm">
          <span>Name</span>
          <input name="name" required className={input} />
        </label>
        <label className="space-y-1 text-sm">
          <span>Email</span>
          <input name="email" type="email" required className={input} />
        </label>
        <label className="space-y-1 text-sm">
          <span>First password</span>
          <input name="password" type="password" autoComplete="new-password" required minLength={8} className={input} />
        </label>
        <label className="space-y-1 text-sm">
          <span>Role</span>
          <select name="role" defaultValue="member" className={input}>
            <option value="member">Member: own conversations, keys and usage</option>
            <option value="admin">Admin: also providers, users and all usage</option>
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span>Monthly budget in USD (empty: no limit)</span>
          <input name="budget" inputMode="decimal" placeholder="25.00" className={input} />
        </label>
      </div>
      {mutation.error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {mutation.error.message}
        </p>
      )}
      {message && !mutation.error && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {message}
        </p>
      )}
      <button type="submit" disabled={mutation.isPending || !hydrated} className={primaryButton}>
        Add user
      </button>
    </form>
  );
}
