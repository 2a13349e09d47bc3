// Whether the simulated models are on: read by the registry on every rebuild. Configuring a
// provider never turns them off (a fake key used to make them vanish, leaving nothing that
// worked): an admin switches them off in Settings (sandbox-switch.ts). SANDBOX_ENABLED, when
// set, decides instead of the setting.
import { getStoredProviderSettings } from "./credential-snapshot";

export type SandboxMode = "on" | "off";

export const SANDBOX_MODE_KEY = "sandbox.mode";

export interface SandboxState {
  enabled: boolean;
  /** What the admin chose in Settings (on unless switched off). */
  mode: SandboxMode;
  forcedByEnv: boolean;
}

export function sandboxState(envFlag: boolean | undefined): SandboxState {
  const mode: SandboxMode = getStoredProviderSettings().appSettings.get(SANDBOX_MODE_KEY) === '"off"' ? "off" : "on";
  return { enabled: envFlag ?? mode === "on", mode, forcedByEnv: envFlag !== undefined };
}
