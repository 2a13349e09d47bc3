// `npm run keys -- create|list|revoke [--user EMAIL]`: API keys from a terminal, against the
// same database as the app (DATABASE_URL), for the account named by --user (default: the
// first admin). Migrations are applied first.
import { parseArgs } from "node:util";
import { createApiKeyRequestSchema } from "../auth/api-keys-input";
import { disconnectDbIfOpened } from "../db/client";
import { resolveDatabaseUrl } from "../db/database-url";
import { migrateDatabase } from "../db/migrate";
import { AppError } from "../errors";
import { formatUsd } from "../format/usd";

const USAGE = `Usage:
  npm run keys -- create --name NAME [--credit-limit USD] [--reset never|daily|weekly|monthly]
                         [--rpm N] [--rpd N] [--tpm N] [--log-prompts] [--response-cache] [--expires YYYY-MM-DD]
  npm run keys -- list
  npm run keys -- revoke <id or prefix>
Every command acts for --user EMAIL (default: the first admin account).`;

class UsageError extends Error {}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

/** Applies migrations the database lacks (a no-op when up to date; safe beside a running app).
 * Quiet unless it applies something, and then on stderr: stdout is for the key and the table. */
async function prepareDatabase() {
  process.env.DATABASE_URL = resolveDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(process.env.DATABASE_URL, { log: (line) => process.stderr.write(`${line}\n`) });
}

async function create(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "credit-limit": { type: "string" },
      reset: { type: "string" },
      rpm: { type: "string" },
      rpd: { type: "string" },
      tpm: { type: "string" },
      "log-prompts": { type: "boolean" },
      "response-cache": { type: "boolean" },
      expires: { type: "string" },
    },
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  if (values.name === undefined) throw new UsageError("create needs --name NAME");
  const parsed = createApiKeyRequestSchema.safeParse({
    name: values.name,
    creditLimitUsd: values["credit-limit"],
    creditReset: values.reset,
    rpm: wholeNumber("rpm", values.rpm),
    rpd: wholeNumber("rpd", values.rpd),
    tpm: wholeNumber("tpm", values.tpm),
    logPrompts: values["log-prompts"] ?? false,
    responseCache: values["response-cache"] ?? false,
    expiresAt: values.expires,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0].message.replace(/^(\w+)/, (field) => flagName(field)));
  await prepareDatabase();
  const { createApiKey } = await import("../auth/api-keys");
  const { key, apiKey } = await createApiKey(await cliUser(), parsed.data);
  process.stderr.write(`Created "${apiKey.name}" (${apiKey.id}). This is the only time the key is shown:\n`);
  process.stdout.write(`${key}\n`);
}

/** Messages name the JSON field; on the command line the flag is what the user typed. */
function flagName(field: string): string {
  const flags: Record<string, string> = { creditLimitUsd: "--credit-limit", creditReset: "--reset", expiresAt: "--expires", rpm: "--rpm", rpd: "--rpd", tpm: "--tpm", name: "--name" };
  return flags[field] ?? field;
}

async function list(args: string[]) {
  if (args.length > 0) throw new UsageError(`list takes no arguments, got "${args[0]}"`);
  await prepareDatabase();
  const { listApiKeys } = await import("../auth/api-keys");
  const keys = await listApiKeys(await cliUser());
  if (keys.length === 0) {
    console.log("No API keys yet. Create one with: npm run keys -- create --name NAME");
    return;
  }
  const rows = keys.map((k) => [
    k.id,
    k.name,
    k.prefix,
    k.status,
    k.creditLimitPico === null ? "none" : `${formatUsd(k.spentPico)} of ${formatUsd(k.creditLimitPico)}${k.creditReset === "never" ? "" : ` ${k.creditReset}`}`,
    [k.rpm && `${k.rpm}/min`, k.rpd && `${k.rpd}/day`, k.tpm && `${k.tpm} tok/min`].filter(Boolean).join(", ") || "none",
    k.createdAt.slice(0, 10),
    k.expiresAt ? k.expiresAt.slice(0, 10) : "never",
    k.lastUsedAt ? k.lastUsedAt.slice(0, 16).replace("T", " ") : "never",
  ]);
  printTable(["ID", "NAME", "PREFIX", "STATUS", "CREDIT", "RATE LIMITS", "CREATED", "EXPIRES", "LAST USED"], rows);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  console.log([line(header), ...rows.map(line)].join("\n"));
}

async function revoke(args: string[]) {
  if (args.length !== 1) throw new UsageError("revoke needs exactly one key id or prefix");
  const wanted = args[0].trim().replace(/…$/, "");
  if (wanted.length < 4) throw new UsageError("Give the key's id or at least the start of its prefix (e.g. sk-sy-v1-Abc)");
  await prepareDatabase();
  const { listApiKeys, revokeApiKey } = await import("../auth/api-keys");
  const userId = await cliUser();
  const keys = await listApiKeys(userId);
  const byId = keys.find((k) => k.id === wanted);
  const matches = byId ? [byId] : keys.filter((k) => wanted.startsWith(k.prefix.replace(/…$/, "")) || k.prefix.startsWith(wanted));
  if (matches.length === 0) throw new AppError(404, `No API key with id or prefix "${args[0]}"`);
  if (matches.length > 1) throw new UsageError(`"${args[0]}" matches ${matches.length} keys (${matches.map((k) => k.id).join(", ")}): give the id`);
  const [key] = matches;
  if (key.status === "revoked") {
    console.log(`"${key.name}" (${key.prefix}) was already revoked`);
    return;
  }
  await revokeApiKey(userId, key.id);
  console.log(`Revoked "${key.name}" (${key.prefix})`);
}

let userEmail: string | undefined;

async function cliUser(): Promise<string> {
  const { resolveCliUserId } = await import("../auth/cli-user");
  return resolveCliUserId(userEmail);
}

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf("--user");
  if (at >= 0) {
    userEmail = argv[at + 1];
    argv = [...argv.slice(0, at), ...argv.slice(at + 2)];
    if (!userEmail) {
      console.error(`keys: --user needs an email\n\n${USAGE}`);
      return 2;
    }
  }
  const [command, ...rest] = argv;
  try {
    if (command === "create") await create(rest);
    else if (command === "list") await list(rest);
    else if (command === "revoke") await revoke(rest);
    else if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    } else throw new UsageError(`Unknown command "${command}"`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`keys: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError && error.status === 400) {
      console.error(`keys: ${error.message.replace(/^(\w+)/, (field) => flagName(field))}`);
      return 2;
    }
    console.error(`keys: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(async (code) => {
  // Close the database so the process can end on its own terms, then exit with the status.
  await disconnectDbIfOpened().catch(() => {});
  process.exit(code);
});
