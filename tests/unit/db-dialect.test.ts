// The pieces that let one SQL text serve SQLite and Postgres.
import { describe, expect, it } from "vitest";
import { databaseDialect } from "@/lib/db/database-url";
import { HOT_STATEMENTS, compileNamed, statementsFor } from "@/lib/db/hot-statements";
import { placeholders } from "@/lib/db/sql-dialect";
import { postgresSchemaFrom } from "@/lib/db/postgres-schema";

describe("SQL for both databases", () => {
  it("tells the database from its URL", () => {
    expect(databaseDialect("postgres://u:p@db:5432/x")).toBe("postgres");
    expect(databaseDialect("postgresql://db/x?sslmode=require")).toBe("postgres");
    expect(databaseDialect("file:./data/switchyard.db")).toBe("sqlite");
  });

  it("numbers `?` placeholders for Postgres and leaves them for SQLite", () => {
    const sql = `SELECT 1 FROM "Generation" WHERE "userId" = ? AND "createdAt" >= ? LIMIT ?`;
    expect(placeholders(sql, "sqlite")).toBe(sql);
    expect(placeholders(sql, "postgres")).toBe(`SELECT 1 FROM "Generation" WHERE "userId" = $1 AND "createdAt" >= $2 LIMIT $3`);
  });

  it("turns @named parameters into numbered ones, a repeated name keeping its number", () => {
    expect(compileNamed(HOT_STATEMENTS.insertConversation)).toEqual({
      text: `INSERT INTO "Conversation" ("id","userId","title","createdAt","updatedAt") VALUES ($1,$2,$3,$4,$4)`,
      params: ["id", "userId", "title", "now"],
    });
    for (const sql of Object.values(statementsFor("postgres"))) expect(compileNamed(sql).text).not.toContain("@");
  });

  it("derives the Postgres schema from the SQLite one", () => {
    const sqlite = `generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id String @id\n}\n`;
    const postgres = postgresSchemaFrom(sqlite);
    expect(postgres).toContain(`provider = "postgresql"`);
    expect(postgres).toContain(`output          = "../../node_modules/.prisma/client-postgres"`);
    expect(postgres).toContain("model A {");
    expect(() => postgresSchemaFrom(sqlite.replace(`"sqlite"`, `"mysql"`))).toThrow(/sqlite "datasource db"/);
  });
});
