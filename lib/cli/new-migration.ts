// `npm run db:new-migration -- <name>`: writes the SQL that takes the committed schema
// (git HEAD) to the working one. Offline-safe: `prisma migrate dev` needs a shadow database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(2);
}

const prisma = path.join("node_modules", ".bin", "prisma");
let from = ["--from-empty"];
try {
  const old = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const oldFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-")), "schema.prisma");
  fs.writeFileSync(oldFile, old);
  from = ["--from-schema-datamodel", oldFile];
} catch {
  // No committed schema yet: the first migration starts from an empty database.
}

const sql = execFileSync(prisma, ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { encoding: "utf8" });
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/.test(sql)) {
  console.log("The schema has not changed since HEAD: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql — review it, then commit it with the schema.`);
