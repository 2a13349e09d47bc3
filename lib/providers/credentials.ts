// Provider settings an admin saves in Settings: keys (encrypted), base URL overrides and
// custom providers. Every change is written to the database, then settings-changes.ts reloads
// the in-memory snapshot and forgets whatever was derived from the old settings.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { encryptSecret } from "../secrets/encrypt";
import { CUSTOM_PREFIX, credentialContext, ensureProviderCredentials, keyHintOf } from "./credential-snapshot";
import { getProvider, type ProviderConfig } from "./registry";
import { providerSettingsChanged } from "./settings-changes";

export interface CredentialUpdate {
  /** A new key; null removes the saved key; absent keeps it. */
  apiKey?: string | null;
  /** A base URL override; null removes it; absent keeps it. */
  baseUrl?: string | null;
  /** Custom providers only: upstream model ids; null or empty means "ask GET /models". */
  models?: string[] | null;
}

export interface NewCustomProvider {
  name: string;
  baseUrl: string;
  apiKey?: string;
  models?: string[];
}

/** Which row a provider's settings live in, or why they cannot be changed here. */
function rowIdFor(provider: ProviderConfig | undefined, id: string): string {
  if (!provider) throw new AppError(404, `Unknown provider "${id}"`);
  if (provider.kind === "preset") return provider.id;
  if (provider.kind === "custom" && provider.source === "settings") return `${CUSTOM_PREFIX}${provider.id}`;
  const where = provider.envVar ? ` (${provider.envVar})` : "";
  throw new AppError(400, `${provider.label} is configured by the environment${where}; change it there`);
}

function encryptedKeyFields(rowId: string, apiKey: string) {
  return { encryptedApiKey: encryptSecret(apiKey, { context: credentialContext(rowId) }), keyHint: keyHintOf(apiKey) };
}

export async function updateProviderCredential(providerId: string, update: CredentialUpdate, userId: string): Promise<void> {
  await ensureProviderCredentials();
  const provider = getProvider(providerId);
  const rowId = rowIdFor(provider, providerId);
  if (provider!.kind === "preset" && update.models !== undefined) throw new AppError(400, "Models can only be listed for a custom provider", "invalid_request", "models");
  if (provider!.kind === "custom" && update.baseUrl === null) throw new AppError(400, "A custom provider needs a base URL", "invalid_request", "baseUrl");

  const data: { encryptedApiKey?: string | null; keyHint?: string; baseUrl?: string | null; models?: string } = {};
  if (update.apiKey === null) Object.assign(data, { encryptedApiKey: null, keyHint: "" });
  else if (update.apiKey !== undefined) Object.assign(data, encryptedKeyFields(rowId, update.apiKey));
  if (update.baseUrl !== undefined) data.baseUrl = update.baseUrl;
  if (update.models !== undefined) data.models = (update.models ?? []).join(",");

  const db = getDb();
  const row = await db.providerCredential.upsert({
    where: { providerId: rowId },
    create: { providerId: rowId, encryptedApiKey: null, keyHint: "", baseUrl: null, models: "", ...data, updatedByUserId: userId },
    update: { ...data, updatedByUserId: userId },
  });
  // A preset row holding neither a key nor a base URL says nothing: remove it.
  if (provider!.kind === "preset" && row.encryptedApiKey === null && row.baseUrl === null) {
    await db.providerCredential.deleteMany({ where: { providerId: rowId } });
  }
  await providerSettingsChanged(provider!.id, update.baseUrl !== undefined);
}

export async function createCustomProvider(input: NewCustomProvider, userId: string): Promise<string> {
  await ensureProviderCredentials();
  const id = input.name;
  if (getProvider(id)) throw new AppError(409, `A provider named "${id}" already exists`, "conflict", "name");
  const rowId = `${CUSTOM_PREFIX}${id}`;
  try {
    await getDb().providerCredential.create({
      data: {
        providerId: rowId,
        ...(input.apiKey ? encryptedKeyFields(rowId, input.apiKey) : { encryptedApiKey: null, keyHint: "" }),
        baseUrl: input.baseUrl,
        models: (input.models ?? []).join(","),
        updatedByUserId: userId,
      },
    });
  } catch (error) {
    // Two admins adding the same name at once: the row's primary key decides.
    if ((error as { code?: string }).code === "P2002") throw new AppError(409, `A provider named "${id}" already exists`, "conflict", "name");
    throw error;
  }
  await providerSettingsChanged(id, true);
  return id;
}

/** Forgets everything saved in Settings for a provider; a custom provider added there disappears. */
export async function deleteProviderCredential(providerId: string): Promise<void> {
  await ensureProviderCredentials();
  const provider = getProvider(providerId);
  const rowId = rowIdFor(provider, providerId);
  const { count } = await getDb().providerCredential.deleteMany({ where: { providerId: rowId } });
  if (count === 0) throw new AppError(404, `Nothing is saved in Settings for ${provider!.label}`);
  await providerSettingsChanged(provider!.id, true);
}

export async function deleteCustomProvider(name: string): Promise<void> {
  await ensureProviderCredentials();
  if (getProvider(name)?.kind !== "custom") throw new AppError(404, `No custom provider named "${name}"`);
  await deleteProviderCredential(name);
}
