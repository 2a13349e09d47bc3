// API keys for /api/v1: created (shown once), listed, revoked, and checked on every request.
import type { ApiKey } from "@prisma/client";
import { getUserState } from "./user-state";
import { getDb } from "../db/client";
import { newId } from "../db/new-id";
import { AppError } from "../errors";
import { creditPeriod, type CreditReset } from "../limits/credit-period";
import { getAdmissionStore } from "../limits/admission-store";
import { forgetApiKey, getApiKeyCache, getTouchTimes } from "./api-keys-cache";
import type { ApiKeyDto, ApiKeyStatus } from "./api-keys-dto";
import { displayPrefix, generateApiKey, hashApiKey, parseAuthorization } from "./api-keys-format";
import { validateApiKeyInput } from "./api-keys-input";

export type { ApiKeyDto } from "./api-keys-dto";

export interface ApiKeyContext {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  creditLimitPico: bigint | null;
  creditReset: "never" | "daily" | "weekly" | "monthly";
  rpm: number | null;
  rpd: number | null;
  tpm: number | null;
  logPrompts: boolean;
  /** Repeated requests are answered from the response cache (lib/calls/response-cache.ts). */
  responseCache: boolean;
  expiresAt: Date | null;
}

export interface CreateApiKeyInput {
  name: string;
  /** Decimal USD string, e.g. "5" or "0.25"; null or absent for no limit. */
  creditLimitUsd?: string | null;
  creditReset?: ApiKeyContext["creditReset"];
  rpm?: number | null;
  rpd?: number | null;
  tpm?: number | null;
  logPrompts?: boolean;
  responseCache?: boolean;
  expiresAt?: Date | null;
}

const TOUCH_EVERY_MS = 60_000;

export async function createApiKey(userId: string, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKeyDto }> {
  const valid = validateApiKeyInput(input);
  const key = generateApiKey();
  const row = await getDb().apiKey.create({
    data: { id: newId(), userId, ...valid, prefix: displayPrefix(key), hash: hashApiKey(key) },
  });
  return { key, apiKey: toDto(row, 0n) };
}

/** Newest first, revoked and expired included (marked by status). */
export async function listApiKeys(userId: string): Promise<ApiKeyDto[]> {
  const rows = await getDb().apiKey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const spent = await spentThisPeriod(rows);
  return rows.map((row) => toDto(row, spent.get(row.id) ?? 0n));
}

/** False when the user has no key with this id. Revoking twice is harmless. */
export async function revokeApiKey(userId: string, id: string): Promise<boolean> {
  const row = await getDb().apiKey.findFirst({ where: { id, userId } });
  if (!row) return false;
  if (!row.revokedAt) await getDb().apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await forgetApiKey(row.hash);
  await getAdmissionStore().forget("credit", row.id);
  return true;
}

/**
 * From an Authorization header ("Bearer sk-sy-v1-…"). Throws AppError(401, …, "invalid_api_key")
 * when missing, malformed, unknown, revoked or expired. Cached by hash; lastUsedAt is written
 * at most once a minute, after the response path has moved on.
 */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyContext> {
  const parsed = parseAuthorization(authorization);
  if (!parsed.ok) throw invalidKey(parsed.reason);
  const hash = hashApiKey(parsed.key);
  const now = Date.now();
  const cache = getApiKeyCache();
  let row = cache.get(hash, now);
  if (row === undefined) {
    row = await getDb().apiKey.findUnique({ where: { hash } });
    cache.set(hash, row, now);
  }
  if (!row) throw invalidKey("Unknown API key: check that it was copied in full, or create a new one in Settings");
  if (row.revokedAt) throw invalidKey("This API key has been revoked");
  if (row.expiresAt && row.expiresAt.getTime() <= now) throw invalidKey(`This API key expired at ${row.expiresAt.toISOString()}`);
  const known = getUserState(row.userId);
  const owner = known instanceof Promise ? await known : known;
  if (owner.disabled) throw invalidKey("The account this key belongs to has been disabled");
  touch(row.id, now);
  return toContext(row);
}

function invalidKey(message: string): AppError {
  return new AppError(401, message, "invalid_api_key");
}

function touch(id: string, now: number): void {
  const touched = getTouchTimes();
  if (now - (touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
  touched.set(id, now);
  setTimeout(() => {
    getDb()
      .apiKey.updateMany({ where: { id }, data: { lastUsedAt: new Date(now) } })
      .catch((error) => console.warn(`[api-keys] could not record last use of ${id}:`, error));
  }, 0);
}

export function toContext(row: ApiKey): ApiKeyContext {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    creditLimitPico: row.creditLimitPico,
    creditReset: asReset(row.creditReset),
    rpm: row.rpm,
    rpd: row.rpd,
    tpm: row.tpm,
    logPrompts: row.logPrompts,
    responseCache: row.responseCache,
    expiresAt: row.expiresAt,
  };
}

function asReset(value: string): CreditReset {
  return value === "daily" || value === "weekly" || value === "monthly" ? value : "never";
}

export function keyStatus(row: Pick<ApiKey, "revokedAt" | "expiresAt">, now = Date.now()): ApiKeyStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now) return "expired";
  return "active";
}

function toDto(row: ApiKey, spentPico: bigint): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    creditLimitPico: row.creditLimitPico === null ? null : row.creditLimitPico.toString(),
    creditReset: asReset(row.creditReset),
    spentPico: spentPico.toString(),
    rpm: row.rpm,
    rpd: row.rpd,
    tpm: row.tpm,
    logPrompts: row.logPrompts,
    responseCache: row.responseCache,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    status: keyStatus(row),
  };
}

/** Each key's spend in its own current credit period: one grouped query per reset kind. */
async function spentThisPeriod(rows: ApiKey[]): Promise<Map<string, bigint>> {
  const spent = new Map<string, bigint>();
  const byReset = new Map<CreditReset, string[]>();
  for (const row of rows) {
    const reset = asReset(row.creditReset);
    byReset.set(reset, [...(byReset.get(reset) ?? []), row.id]);
  }
  const now = Date.now();
  await Promise.all(
    [...byReset].map(async ([reset, ids]) => {
      const groups = await getDb().generation.groupBy({
        by: ["apiKeyId"],
        where: { apiKeyId: { in: ids }, createdAt: { gte: new Date(creditPeriod(reset, now).start) } },
        _sum: { costPico: true },
      });
      for (const group of groups) if (group.apiKeyId) spent.set(group.apiKeyId, group._sum.costPico ?? 0n);
    }),
  );
  return spent;
}
