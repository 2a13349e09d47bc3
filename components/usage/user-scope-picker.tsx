"use client";
// Admins choose whose usage the dashboard shows: their own, everyone's, or one user's.
import { useQuery } from "@tanstack/react-query";
import { fetchUsers, usersKey } from "@/components/users/users-client";
import { field, fieldLabel } from "./styles";

export function UserScopePicker({ value, onChange }: { value: string; onChange: (scope: string) => void }) {
  const users = useQuery({ queryKey: usersKey, queryFn: fetchUsers });
  return (
    <label className="flex flex-col gap-1">
      <span className={fieldLabel}>Whose usage</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className={field}>
        <option value="me">My usage</option>
        <option value="all">All users</option>
        {users.data?.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </select>
    </label>
  );
}
