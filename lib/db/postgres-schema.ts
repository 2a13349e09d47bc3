// prisma/postgres/schema.prisma is generated from prisma/schema.prisma: the same models,
// datasource "postgresql", and its client generated into node_modules/.prisma/client-postgres
// (a client generated for SQLite cannot take the Postgres adapter). A test checks that the
// committed copy matches; `npm run db:new-migration` rewrites it.
export const SQLITE_SCHEMA_PATH = "prisma/schema.prisma";
export const POSTGRES_SCHEMA_PATH = "prisma/postgres/schema.prisma";

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:new-migration`: edit that file, not this one.\n";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const provider = /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/;
  const generator = /(generator\s+client\s*\{[^}]*?)(\n\})/;
  if (!provider.test(sqliteSchema) || !generator.test(sqliteSchema)) {
    throw new Error(`${SQLITE_SCHEMA_PATH} must keep its "generator client" block and an sqlite "datasource db"`);
  }
  return (
    HEADER +
    sqliteSchema
      .replace(provider, '$1"postgresql"')
      .replace(generator, '$1\n  output          = "../../node_modules/.prisma/client-postgres"$2')
  );
}
