// An admin switches the simulated models off in Settings, and may do so only once a real
// provider has answered a check; every instance then reloads (settings-changes.ts).
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { answeringProviders } from "./check-results";
import { SANDBOX_MODE_KEY, type SandboxMode } from "./sandbox-mode";
import { providerSettingsChanged } from "./settings-changes";

export type { SandboxMode, SandboxState } from "./sandbox-mode";

export async function setSandboxMode(mode: SandboxMode, userId: string, isReal: (providerId: string) => boolean): Promise<void> {
  if (mode === "off" && answeringProviders(isReal).length === 0) {
    throw new AppError(409, "No real provider has answered a check yet: check one in Providers first, or the simulated models would be all there is", "conflict", "mode");
  }
  const value = JSON.stringify(mode);
  await getDb().appSetting.upsert({ where: { key: SANDBOX_MODE_KEY }, create: { key: SANDBOX_MODE_KEY, value, updatedByUserId: userId }, update: { value, updatedByUserId: userId } });
  // An instance-wide switch: no provider's own state to forget, only the settings to read again.
  await providerSettingsChanged(null, false);
}
