// Whom a command-line tool acts for: the account named by --user EMAIL, else the first
// admin; on a database with no accounts yet, the password-less local user.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { ensureLocalUser } from "./local-mode";
import { normaliseEmail } from "./users";

export async function resolveCliUserId(email: string | undefined): Promise<string> {
  const db = getDb();
  if (email) {
    const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
    if (!user) throw new AppError(404, `No account with the email ${email}`);
    return user.id;
  }
  const admin = await db.user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { createdAt: "asc" } });
  if (admin) return admin.id;
  return (await ensureLocalUser()).id;
}
