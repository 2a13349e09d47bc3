// The only reader of process.env. Validated once with zod; everything else asks getEnv().
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "on", "off", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["true", "1", "on", "yes"].includes(v)));

function blankIsUnset<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: blankIsUnset(z.string().optional()),
  SANDBOX_ENABLED: flag,
  SANDBOX_BASE_URL: z.string().url().optional(),
  SANDBOX_SPEED: z.coerce.number().positive().default(1),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  UPSTREAM_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  LOCAL_USER_EMAIL: z.string().default("local@switchyard.local"),
  LOCAL_NO_LOGIN: flag,
  ADMIN_EMAIL: blankIsUnset(z.string().email().optional()),
  ADMIN_PASSWORD: blankIsUnset(z.string().min(8).optional()),
  COOKIE_SECURE: flag,
  SECRET_KEY: z.string().optional(),
  SECRET_KEY_FILE: z.string().optional(),
  /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For / -Proto / -Host are believed. */
  TRUSTED_PROXY: blankIsUnset(z.string().optional()),
  /** Link-local or cloud-metadata hosts (names, addresses, CIDR ranges) providers may still be called at. */
  OUTBOUND_ALLOW_HOSTS: blankIsUnset(z.string().optional()),
  /** How long a response-cache answer is kept unless a request asks for less or more. */
  RESPONSE_CACHE_TTL_SECONDS: blankIsUnset(z.coerce.number().int().min(1).max(2_592_000).default(3600)),
  /** Bearer token for GET /metrics; setting it switches the endpoint on. */
  METRICS_TOKEN: blankIsUnset(z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional()),
  /** Serve /metrics to admin sessions even without METRICS_TOKEN (default: on when the token is set). */
  METRICS_ENABLED: flag,
  /** Shared state for several instances (rate limits, reservations, health, sessions, live calls); unset: in-process. */
  REDIS_URL: blankIsUnset(z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional()),
  /** Prefix of every Redis key and channel, so several deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: blankIsUnset(z.string().default("switchyard:")),
  /** How long a credit or budget reservation outlives the instance holding it (renewed while the call runs). */
  RESERVATION_LEASE_SECONDS: blankIsUnset(z.coerce.number().int().min(1).max(3600).default(60)),
  /** How long an evaluation run of an instance that died waits before another instance (or the next start) resumes it (renewed while it runs). */
  EVAL_LEASE_SECONDS: blankIsUnset(z.coerce.number().int().min(2).max(3600).default(30)),
  /** Largest image a prompt may carry, in MiB (below the 8 MiB body limit an upload passes). */
  ATTACHMENT_MAX_MB: blankIsUnset(z.coerce.number().positive().max(7).default(5)),
});

export type Env = z.infer<typeof envSchema> & { raw: Record<string, string | undefined> };

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${detail}`);
    }
    cached = { ...parsed.data, raw: { ...process.env } };
  }
  return cached;
}

/** Provider settings are dynamic (<PRESET>_API_KEY, CUSTOM_PROVIDER_<NAME>_*), so they are read by prefix. */
export function readEnvVar(name: string): string | undefined {
  const value = getEnv().raw[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export function listEnvVarNames(): string[] {
  return Object.keys(getEnv().raw);
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvCache(): void {
  cached = undefined;
}
