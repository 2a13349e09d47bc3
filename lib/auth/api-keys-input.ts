// Validation shared by the route (JSON body) and the CLI (flags): one set of rules, one set
// of messages. Bad input is an AppError 400 naming the field.
import { z } from "zod";
import { AppError } from "../errors";
import { usdToPico } from "../ledger/usd";
import { CREDIT_RESETS, type CreditReset } from "../limits/credit-period";

const MAX_LIMIT = 1_000_000_000;

const optionalLimit = (label: string) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1 (leave it empty for no limit)`)
    .max(MAX_LIMIT, `${label} must be at most ${MAX_LIMIT}`)
    .nullable()
    .optional();

/** A USD amount as a decimal string (or a JSON number), at most 12 decimals, not negative. */
const creditLimitUsd = z
  .union([z.string(), z.number()], { error: "creditLimitUsd must be a decimal amount in USD, e.g. \"5\" or \"0.50\"" })
  .transform((value, ctx) => {
    const text = String(value).trim().replace(/^\$/, "");
    if (text === "") return null;
    if (!/^\d+(\.\d{1,12})?$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "creditLimitUsd must be a decimal amount in USD, e.g. \"5\" or \"0.50\"" });
      return z.NEVER;
    }
    if (Number(text) > 1_000_000) {
      ctx.addIssue({ code: "custom", message: "creditLimitUsd must be at most 1000000" });
      return z.NEVER;
    }
    return text;
  })
  .nullable()
  .optional();

/** "2026-12-31" (valid through that UTC day) or a full ISO timestamp. */
const expiresAt = z
  .string({ error: "expiresAt must be a date (YYYY-MM-DD) or an ISO timestamp" })
  .transform((value, ctx) => {
    const text = value.trim();
    if (text === "") return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? endOfUtcDay(text) : new Date(text);
    if (date === null || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "expiresAt must be a date (YYYY-MM-DD) or an ISO timestamp" });
      return z.NEVER;
    }
    return date;
  })
  .nullable()
  .optional();

function endOfUtcDay(text: string): Date | null {
  const [y, m, d] = text.split("-").map(Number);
  const start = Date.UTC(y, m - 1, d);
  const check = new Date(start);
  // Date.UTC rolls 2026-02-31 over to March; a date that does not exist is an error.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return new Date(start + 86_400_000 - 1);
}

export const createApiKeyRequestSchema = z.object({
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
  creditLimitUsd,
  creditReset: z.enum(CREDIT_RESETS as [CreditReset, ...CreditReset[]], { error: "creditReset must be one of never, daily, weekly, monthly" }).optional(),
  rpm: optionalLimit("rpm"),
  rpd: optionalLimit("rpd"),
  tpm: optionalLimit("tpm"),
  logPrompts: z.boolean({ error: "logPrompts must be true or false" }).optional(),
  responseCache: z.boolean({ error: "responseCache must be true or false" }).optional(),
  expiresAt,
});

export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;

export interface ValidatedApiKeyInput {
  name: string;
  creditLimitPico: bigint | null;
  creditReset: CreditReset;
  rpm: number | null;
  rpd: number | null;
  tpm: number | null;
  logPrompts: boolean;
  responseCache: boolean;
  expiresAt: Date | null;
}

/** Final checks on already-typed input (from the route, the CLI or code). */
export function validateApiKeyInput(
  input: { name: string; creditLimitUsd?: string | null; creditReset?: CreditReset; rpm?: number | null; rpd?: number | null; tpm?: number | null; logPrompts?: boolean; responseCache?: boolean; expiresAt?: Date | null },
  now = Date.now(),
): ValidatedApiKeyInput {
  const parsed = createApiKeyRequestSchema.omit({ expiresAt: true }).safeParse({ ...input, expiresAt: undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(400, issue.message, "invalid_request", issue.path.join(".") || null);
  }
  const expires = input.expiresAt ?? null;
  if (expires && Number.isNaN(expires.getTime())) throw new AppError(400, "expiresAt is not a valid date", "invalid_request", "expiresAt");
  if (expires && expires.getTime() <= now) throw new AppError(400, "expiresAt must be in the future", "invalid_request", "expiresAt");
  const data = parsed.data;
  return {
    name: data.name,
    creditLimitPico: data.creditLimitUsd ? usdToPico(data.creditLimitUsd) : null,
    creditReset: data.creditReset ?? "never",
    rpm: data.rpm ?? null,
    rpd: data.rpd ?? null,
    tpm: data.tpm ?? null,
    logPrompts: data.logPrompts ?? false,
    responseCache: data.responseCache ?? false,
    expiresAt: expires,
  };
}
