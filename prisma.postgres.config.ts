// Prisma CLI config for the Postgres client: `prisma generate --config prisma.postgres.config.ts`
// (part of `npm run db:generate`). The schema is generated from prisma/schema.prisma
// (lib/db/postgres-schema.ts); migrations are applied by our migrator (lib/db/migrate.ts).
// With the JS engine and the node-postgres adapter, generate runs offline like the SQLite one.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseDialect } from "./lib/db/database-url";

// The schema reads env("DATABASE_URL"); generate only needs it to be a Postgres URL.
if (databaseDialect(process.env.DATABASE_URL ?? "") !== "postgres") process.env.DATABASE_URL = "postgres://localhost/switchyard";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgres", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgres", "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
