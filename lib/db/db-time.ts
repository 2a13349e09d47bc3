// How DateTime values are written in raw SQL: ISO text in UTC with an explicit offset, which
// is Prisma's text format for SQLite and which Postgres reads as the same instant.
export function dbTime(at: Date | number = new Date()): string {
  return (typeof at === "number" ? new Date(at) : at).toISOString().replace("Z", "+00:00");
}
