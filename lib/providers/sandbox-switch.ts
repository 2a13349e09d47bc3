// Whether the simulated models are on. Configuring a provider never turns them off (a fake
// key used to make them vanish, leaving nothing that worked): an admin switches them off in
// Settings, and may do so only once a real provider has answered a check. SANDBOX_ENABLED,
// when set, decides instead of the setting.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { answeringProviders } from "./check-results";
import { getStoredProviderSettings } from "./credential-snapshot";
import { providerSwitchChanged } from "./credentials";

export type SandboxMode = "on" | "off";

const MODE_KEY = "sandbox.mode";

export interface SandboxState {
  enabled: boolean;
  /** What the admin chose in Settings (on unless switched off). */
  mode: SandboxMode;
  forcedByEnv: boolean;
}

export function sandboxState(envFlag: boolean | undefined): SandboxState {
  const mode: SandboxMode = getStoredProviderSettings().appSettings.get(MODE_KEY) === '"off"' ? "off" : "on";
  return { enabled: envFlag ?? mode === "on", mode, forcedByEnv: envFlag !== undefined };
}

export async function setSandboxMode(mode: SandboxMode, userId: string, isReal: (providerId: string) => boolean): Promise<void> {
  if (mode === "off" && answeringProviders(isReal).length === 0) {
    throw new AppError(409, "No real provider has answered a check yet: check one in Providers first, or the simulated models would be all there is", "conflict", "mode");
  }
  const value = JSON.stringify(mode);
  await getDb().appSetting.upsert({ where: { key: MODE_KEY }, create: { key: MODE_KEY, value, updatedByUserId: userId }, update: { value, updatedByUserId: userId } });
  await providerSwitchChanged();
}
