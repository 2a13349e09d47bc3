"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatUsd } from "@/lib/format/usd";
import { picoToUsdString } from "@/lib/ledger/usd";
import { updateUser, usersKey, type AdminUserRow } from "./users-client";

const control = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";
/** On a phone a cell is a line of a card, with its column's name in front. */
const cell = "block py-1 md:table-cell md:py-2 md:pr-3";
const labelled = `${cell} before:mb-0.5 before:block before:text-xs before:font-medium before:text-zinc-600 before:content-[attr(data-label)] md:before:content-none dark:before:text-zinc-400`;

/** One account: role, monthly budget (with this month's spend), enable/disable, new password. */
export function UserRow({ user, isSelf }: { user: AdminUserRow; isSelf: boolean }) {
  const client = useQueryClient();
  const [budget, setBudget] = useState(user.monthlyBudgetPico === null ? "" : picoToUsdString(BigInt(user.monthlyBudgetPico)));
  const [password, setPassword] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (changes: Parameters<typeof updateUser>[1]) => updateUser(user.id, changes),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
  const save = (changes: Parameters<typeof updateUser>[1], done: string) => mutation.mutate(changes, { onSuccess: () => setNote(done) });
  const who = user.email;

  return (
    <tr className="block rounded-xl border border-zinc-200 p-3 align-top md:table-row md:rounded-none md:border-0 md:border-t md:p-0 dark:border-zinc-800">
      <td className={cell}>
        <p className="font-medium">{user.name}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{user.email}</p>
        {user.disabled && <p className="text-xs font-medium text-red-600 dark:text-red-400">Disabled</p>}
      </td>
      <td className={labelled} data-label="Role">
        <select aria-label={`Role of ${who}`} value={user.role} onChange={(e) => save({ role: e.target.value as "admin" | "member" }, "Role saved")} className={control}>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </select>
      </td>
      <td className={`${labelled} tabular-nums`} data-label="Spent this month">
        {formatUsd(user.spentThisMonthPico)}
      </td>
      <td className={labelled} data-label="Monthly budget">
        <form method="post"
          className="flex gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            save({ monthlyBudgetUsd: budget.trim() === "" ? null : budget.trim() }, budget.trim() === "" ? "Budget removed" : "Budget saved");
          }}
        >
          <input aria-label={`Monthly budget in USD for ${who}`} value={budget} onChange={(e) => setBudget(e.target.value)} placeholder="No limit" inputMode="decimal" className={`${control} w-24`} />
          <button type="submit" className={control} aria-label={`Save budget for ${who}`}>
            Save
          </button>
        </form>
      </td>
      <td className={`${labelled} space-y-1.5`} data-label="Access">
        <form method="post"
          className="flex gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            save({ password }, "Password changed; their sessions ended");
            setPassword("");
          }}
        >
          <input aria-label={`New password for ${who}`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="New password" className={`${control} w-32`} />
          <button type="submit" disabled={password.length < 8} className={`${control} disabled:opacity-50`} aria-label={`Set password for ${who}`}>
            Set
          </button>
        </form>
        {!isSelf && (
          <button type="button" onClick={() => save({ disabled: !user.disabled }, user.disabled ? "Enabled" : "Disabled")} className={control}>
            {user.disabled ? `Enable ${who}` : `Disable ${who}`}
          </button>
        )}
        {mutation.error ? (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {mutation.error.message}
          </p>
        ) : (
          note && (
            <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
              {note}
            </p>
          )
        )}
      </td>
    </tr>
  );
}
