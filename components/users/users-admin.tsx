"use client";
import { useQuery } from "@tanstack/react-query";
import { useCurrentUser } from "@/components/auth/current-user";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { fetchUsers, usersKey } from "./users-client";

export function UsersAdmin() {
  const { user: me } = useCurrentUser();
  const users = useQuery({ queryKey: usersKey, queryFn: fetchUsers });

  return (
    <div className="space-y-6">
      <section aria-labelledby="accounts-heading" className="space-y-2">
        <h2 id="accounts-heading" className="font-semibold">
          Accounts
        </h2>
        {users.isPending && <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading users…</p>}
        {users.error && (
          <p role="alert" className="text-sm text-red-600">
            {users.error.message}
          </p>
        )}
        {users.data && (
          // A table on wide screens; on a phone each row stacks into a card (same cells, labelled).
          <div className="md:overflow-x-auto">
            <table className="block w-full text-left text-sm md:table md:min-w-[720px]">
              <thead className="hidden text-xs text-zinc-600 uppercase md:table-header-group dark:text-zinc-400">
                <tr>
                  <th className="py-2 pr-3 font-medium">User</th>
                  <th className="py-2 pr-3 font-medium">Role</th>
                  <th className="py-2 pr-3 font-medium">Spent this month</th>
                  <th className="py-2 pr-3 font-medium">Monthly budget</th>
                  <th className="py-2 font-medium">Access</th>
                </tr>
              </thead>
              <tbody className="block space-y-3 md:table-row-group md:space-y-0">
                {users.data.map((user) => (
                  <UserRow key={user.id} user={user} isSelf={user.id === me.id} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CreateUserForm />
    </div>
  );
}
