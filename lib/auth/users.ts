// Accounts: first-run setup, sign-in checks and what admins change. Emails are stored
// lower-cased so "Ana@x" and "ana@x" are one account.
import type { User } from "@prisma/client";
import { getDb } from "../db/client";
import { lockForTransaction } from "../db/transaction-lock";
import { creditPeriod } from "../limits/credit-period";
import { getBudgetTracker } from "../limits/user-budget";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { deleteUserSessions, forgetCachedUser, type Role } from "./sessions";
import { forgetUserState } from "./user-state";

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Picodollars as a decimal string (JSON has no BigInt); null means no limit. */
  monthlyBudgetPico: string | null;
  disabled: boolean;
  createdAt: string;
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "admin" ? "admin" : "member",
    monthlyBudgetPico: user.monthlyBudgetPico === null ? null : user.monthlyBudgetPico.toString(),
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Setup is open until the first account with a password exists. */
export async function needsSetup(): Promise<boolean> {
  return (await getDb().user.count({ where: { passwordHash: { not: null } } })) === 0;
}

/**
 * Creates the first admin. A password-less local user from before accounts existed (or
 * from the no-login mode) becomes that admin, so its conversations and usage are kept.
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string }): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  const db = getDb();
  return db.$transaction(async (tx) => {
    await lockForTransaction(tx, "accounts");
    if ((await tx.user.count({ where: { passwordHash: { not: null } } })) > 0) throw new AppError(409, "Switchyard is already set up: sign in instead");
    const legacy = await tx.user.findFirst({ where: { passwordHash: null }, orderBy: { createdAt: "asc" } });
    const data = { email, name: input.name, passwordHash, role: "admin" };
    return legacy ? tx.user.update({ where: { id: legacy.id }, data }) : tx.user.create({ data });
  });
}

export async function checkCredentials(email: string, password: string): Promise<User | null> {
  const user = await getDb().user.findUnique({ where: { email: normaliseEmail(email) } });
  const ok = await verifyPassword(user?.passwordHash, password);
  return ok && user && !user.disabledAt ? user : null;
}

/** Every account, with what each spent since the 1st of this month (UTC), for the admin page. */
export async function listUsers(now = Date.now()): Promise<(UserDto & { spentThisMonthPico: string })[]> {
  const db = getDb();
  const users = await db.user.findMany({ where: { passwordHash: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const since = new Date(creditPeriod("monthly", now).start);
  const spent = await db.generation.groupBy({ by: ["userId"], _sum: { costPico: true }, where: { createdAt: { gte: since } } });
  const byUser = new Map(spent.map((row) => [row.userId, row._sum.costPico ?? 0n]));
  return users.map((user) => ({ ...toUserDto(user), spentThisMonthPico: (byUser.get(user.id) ?? 0n).toString() }));
}

export async function createUser(input: { email: string; name: string; password: string; role: Role; monthlyBudgetPico: bigint | null }): Promise<UserDto> {
  const email = normaliseEmail(input.email);
  if (await getDb().user.findUnique({ where: { email } })) throw new AppError(409, `An account for ${email} already exists`, "conflict", "email");
  const user = await getDb().user.create({
    data: { email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password), monthlyBudgetPico: input.monthlyBudgetPico },
  });
  return toUserDto(user);
}

export interface UserChanges {
  name?: string;
  role?: Role;
  monthlyBudgetPico?: bigint | null;
  disabled?: boolean;
  password?: string;
}

/** An admin's edit. The last active admin can be neither demoted nor disabled. */
export async function updateUser(actorId: string, id: string, changes: UserChanges): Promise<UserDto | null> {
  // Hashed before the transaction: it takes tens of milliseconds and needs no lock.
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  // One transaction: two admins demoting each other at once cannot both pass the check.
  const updated = await getDb().$transaction(async (tx) => {
    await lockForTransaction(tx, "accounts");
    const user = await tx.user.findFirst({ where: { id, passwordHash: { not: null } } });
    if (!user) return null;
    // Only an active admin counts: demoting or disabling an already disabled admin leaves the count as it is.
    const losesAdmin = user.role === "admin" && user.disabledAt === null && (changes.role === "member" || changes.disabled === true);
    if (losesAdmin && (await tx.user.count({ where: { role: "admin", disabledAt: null, passwordHash: { not: null } } })) <= 1) {
      throw new AppError(409, "Switchyard needs at least one active admin", "conflict");
    }
    if (changes.disabled === true && id === actorId) throw new AppError(409, "You cannot disable your own account", "conflict");
    return tx.user.update({
      where: { id },
      data: {
        name: changes.name,
        role: changes.role,
        monthlyBudgetPico: changes.monthlyBudgetPico,
        disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? (user.disabledAt ?? new Date()) : null,
        passwordHash,
      },
    });
  });
  if (!updated) return null;
  forgetCachedUser(id);
  forgetUserState(id);
  // A budget set again later must count this month's spend afresh from the ledger.
  if (changes.monthlyBudgetPico !== undefined) getBudgetTracker().forget(id);
  if (changes.disabled || changes.password) await deleteUserSessions(id);
  return toUserDto(updated);
}

/** A user changing their own password: the old one must match; other sessions end. */
export async function changeOwnPassword(userId: string, current: string, next: string, keepToken?: string): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) throw new AppError(400, "The current password is not right", "invalid_request", "currentPassword");
  await getDb().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  await deleteUserSessions(userId, keepToken);
}

/** ADMIN_EMAIL + ADMIN_PASSWORD on a fresh database: the first admin without the setup page. */
export async function ensureAdminFromEnv(email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password || !(await needsSetup())) return false;
  await createFirstAdmin({ email, name: email.split("@")[0], password });
  return true;
}
