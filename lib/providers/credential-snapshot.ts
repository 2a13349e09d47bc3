// Provider settings saved in the database (ProviderCredential rows, and the AppSetting
// switches the providers depend on), decrypted once into
// memory so the registry can stay synchronous on the token path. Loaded at server start and
// reloaded after every change. One per process (process-singleton.ts): Next bundles each route
// separately, and a key saved by one route must reach the chat and API routes at once.
import { getDb } from "../db/client";
import { processSingleton } from "../process-singleton";
import { decryptSecret } from "../secrets/encrypt";
import { validateSecretKeyEnv } from "../secrets/secret-key";

export const CUSTOM_PREFIX = "custom:";

export interface StoredProviderSettings {
  /** Preset id, or "custom:<name>". */
  providerId: string;
  /** The decrypted key; null when none is stored or it cannot be decrypted. */
  apiKey: string | null;
  hasKey: boolean;
  keyHint: string;
  /** Why a stored key cannot be used (SECRET_KEY changed, say); the provider is then not configured. */
  keyError: string | null;
  baseUrl: string | null;
  models: string[] | null;
  updatedAt: Date;
}

interface SnapshotState {
  /** Bumped on every load: the registry rebuilds its list when it changes. */
  version: number;
  loaded: boolean;
  byId: Map<string, StoredProviderSettings>;
  /** AppSetting rows (instance-wide switches an admin sets), by key. */
  appSettings: Map<string, string>;
  loading: Promise<void> | null;
}

function state(): SnapshotState {
  return processSingleton("provider-settings", (): SnapshotState => ({ version: 0, loaded: false, byId: new Map(), appSettings: new Map(), loading: null }));
}

export function getStoredProviderSettings(): { version: number; byId: ReadonlyMap<string, StoredProviderSettings>; appSettings: ReadonlyMap<string, string> } {
  const current = state();
  return { version: current.version, byId: current.byId, appSettings: current.appSettings ?? new Map() };
}

/** Binds each ciphertext to its row: copied onto another provider's row, it no longer decrypts. */
export function credentialContext(providerId: string): string {
  return `provider-credential:${providerId}`;
}

/** Reads every row again. A key that cannot be decrypted is reported on its provider, never thrown. */
export function loadProviderCredentials(): Promise<void> {
  const current = state();
  // Chained, not shared: a reload asked for after a write must read that write.
  const run = (current.loading ?? Promise.resolve()).catch(() => {}).then(readAll);
  current.loading = run;
  return run.finally(() => {
    if (current.loading === run) current.loading = null;
  });
}

/** Loads once; the async entry points (routes, model lists, start-up) await it before reading providers. */
export function ensureProviderCredentials(): Promise<void> {
  const current = state();
  if (current.loaded) return Promise.resolve();
  return current.loading ?? loadProviderCredentials();
}

async function readAll(): Promise<void> {
  validateSecretKeyEnv();
  const [rows, settings] = await Promise.all([getDb().providerCredential.findMany({ orderBy: { providerId: "asc" } }), getDb().appSetting.findMany()]);
  const byId = new Map<string, StoredProviderSettings>();
  for (const row of rows) {
    let apiKey: string | null = null;
    let keyError: string | null = null;
    if (row.encryptedApiKey) {
      try {
        apiKey = decryptSecret(row.encryptedApiKey, { context: credentialContext(row.providerId) });
      } catch (error) {
        keyError = error instanceof Error ? error.message : String(error);
        console.warn(`[providers] the key saved for ${row.providerId} cannot be used: ${keyError}`);
      }
    }
    byId.set(row.providerId, {
      providerId: row.providerId,
      apiKey,
      hasKey: row.encryptedApiKey !== null,
      keyHint: row.keyHint,
      keyError,
      baseUrl: row.baseUrl,
      models: splitModels(row.models),
      updatedAt: row.updatedAt,
    });
  }
  const current = state();
  current.byId = byId;
  current.appSettings = new Map(settings.map((row) => [row.key, row.value]));
  current.loaded = true;
  current.version += 1;
}

export function splitModels(text: string): string[] | null {
  const ids = text.split(",").map((m) => m.trim()).filter(Boolean);
  return ids.length > 0 ? ids : null;
}

/** Enough of a key to recognise it, never enough to use it: short keys get no hint at all. */
export function keyHintOf(key: string): string {
  return key.length >= 12 ? key.slice(-4) : "";
}
