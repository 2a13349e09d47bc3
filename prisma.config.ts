// Prisma CLI config: the JS schema engine over the better-sqlite3 adapter, so every
// migrate command runs offline (no engine binary download).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL, databaseDialect, resolveDatabaseUrl } from "./lib/db/database-url";

// The schema reads env("DATABASE_URL"); without an SQLite URL there the CLI cannot read the
// schema's config and falls back to downloading a query engine. Default it like the app does
// (with DATABASE_URL=postgres://… the app uses prisma.postgres.config.ts's client instead).
process.env.DATABASE_URL = databaseDialect(resolveDatabaseUrl()) === "sqlite" ? resolveDatabaseUrl() : resolveDatabaseUrl(DEFAULT_DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: resolveDatabaseUrl() });
  },
});
