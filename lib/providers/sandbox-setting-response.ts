// What Settings shows of the simulated models: on or off, why, and whether an admin may
// switch them off now (only once a real provider has answered a check).
import { z } from "zod";
import { getEnv } from "../env";
import { answeringProviders } from "./check-results";
import { ensureProviderCredentials } from "./credential-snapshot";
import { getProvider } from "./registry";
import { sandboxState } from "./sandbox-mode";

export const sandboxSettingSchema = z.object({ mode: z.enum(["on", "off"], { error: "must be on or off" }) }).strict();

export interface SandboxSettingDto {
  enabled: boolean;
  mode: "on" | "off";
  /** SANDBOX_ENABLED is set: it decides, whatever the setting says. */
  forcedByEnv: boolean;
  /** Labels of the real providers whose last check passed. */
  answering: string[];
}

export const isRealProvider = (id: string) => {
  const provider = getProvider(id);
  return provider !== undefined && !provider.simulated;
};

export async function sandboxSetting(): Promise<SandboxSettingDto> {
  await ensureProviderCredentials();
  const state = sandboxState(getEnv().SANDBOX_ENABLED);
  return { ...state, answering: answeringProviders(isRealProvider).map((id) => getProvider(id)?.label ?? id) };
}
