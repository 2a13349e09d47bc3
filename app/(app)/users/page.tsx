import type { Metadata } from "next";
import { UsersAdmin } from "@/components/users/users-admin";
import { requirePageUser } from "@/lib/auth/page-user";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser();
  return (
    <div className="flex-1 overflow-y-auto">
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Users</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Who can sign in, what they may do, and how much each may spend a month across the chatroom and the API.
          </p>
        </div>
        {user.role === "admin" ? <UsersAdmin /> : <p role="alert">Only an admin can manage users.</p>}
      </div>
    </div>
  );
}
