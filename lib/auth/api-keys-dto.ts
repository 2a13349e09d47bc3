// What the browser and the CLI see of an API key: never its hash, never the key itself.
// Kept free of server imports so client components can use the type.

export type CreditResetName = "never" | "daily" | "weekly" | "monthly";

export type ApiKeyStatus = "active" | "revoked" | "expired";

export interface ApiKeyDto {
  id: string;
  name: string;
  /** "sk-sy-v1-Abc…" */
  prefix: string;
  /** Picodollars as a decimal string; null means no limit. */
  creditLimitPico: string | null;
  creditReset: CreditResetName;
  /** Spent in the current credit period (all time for "never"), picodollars. */
  spentPico: string;
  rpm: number | null;
  rpd: number | null;
  tpm: number | null;
  logPrompts: boolean;
  /** Repeated requests are answered from the response cache. */
  responseCache: boolean;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  status: ApiKeyStatus;
}

export interface CreatedApiKeyDto {
  /** The plaintext key: in this response and nowhere else, ever. */
  key: string;
  apiKey: ApiKeyDto;
}
