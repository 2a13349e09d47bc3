// Whose usage a query reads: one user's (everyone's own view), or every user's (admins).
export const ALL_USERS = "*all-users*";

/** The SQL condition on userId, with a trailing AND; nothing at all for every user. */
export function userCondition(userId: string, column = "userId"): { sql: string; params: unknown[] } {
  return userId === ALL_USERS ? { sql: "", params: [] } : { sql: `${column} = ? AND `, params: [userId] };
}

/** The same for Prisma queries. */
export function userWhere(userId: string): { userId?: string } {
  return userId === ALL_USERS ? {} : { userId };
}
