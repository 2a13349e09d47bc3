// Browser-side calls to the admin-only /api/users routes.
import { requestJson } from "@/lib/chat/client/api";
import type { UserDto } from "@/lib/auth/users";

export type AdminUserRow = UserDto & { spentThisMonthPico: string };

export const usersKey = ["users"] as const;

export async function fetchUsers(): Promise<AdminUserRow[]> {
  return (await requestJson<{ users: AdminUserRow[] }>("/api/users", { cache: "no-store" })).users;
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  role: "admin" | "member";
  monthlyBudgetUsd: string | null;
}

export function createUser(input: NewUserInput): Promise<{ user: UserDto }> {
  return requestJson("/api/users", { method: "POST", json: input });
}

export function updateUser(id: string, changes: Partial<{ role: "admin" | "member"; monthlyBudgetUsd: string | null; disabled: boolean; password: string }>): Promise<{ user: UserDto }> {
  return requestJson(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", json: changes });
}
