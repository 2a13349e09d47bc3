// Whose usage a query reads: one user's (everyone's own view), or every user's (admins).
export const ALL_USERS = "*all-users*";

/** The SQL conditions on userId: one for a user, none for every user. */
export function userClauses(userId: string): { clauses: string[]; params: unknown[] } {
  return userId === ALL_USERS ? { clauses: [], params: [] } : { clauses: ['"userId" = ?'], params: [userId] };
}

/** The same as a prefix of a WHERE clause, with a trailing AND. */
export function userCondition(userId: string): { sql: string; params: unknown[] } {
  const { clauses, params } = userClauses(userId);
  return { sql: clauses.map((clause) => `${clause} AND `).join(""), params };
}

/** The same for Prisma queries. */
export function userWhere(userId: string): { userId?: string } {
  return userId === ALL_USERS ? {} : { userId };
}
