// A provider's own model list (GET /models through the SDK), kept a few minutes: the pickers and
// Settings ask often, the provider's answer rarely changes. Forgotten when its key or base URL does.
import { processSingleton } from "../process-singleton";
import { getProviderClient } from "./client";
import type { ProviderConfig } from "./registry";

const DISCOVERY_TTL_MS = 5 * 60_000;
const discovered = processSingleton("discovered-models", () => new Map<string, { at: number; ids: string[] }>());

export async function discoverModels(provider: ProviderConfig): Promise<string[]> {
  const cached = discovered.get(provider.id);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.ids;
  const ids: string[] = [];
  for await (const model of getProviderClient(provider).models.list({ timeout: 5_000 })) ids.push(model.id);
  ids.sort();
  discovered.set(provider.id, { at: Date.now(), ids });
  return ids;
}

/** A provider's key or base URL changed: its models are asked again. */
export function forgetDiscoveredModels(providerId: string): void {
  discovered.delete(providerId);
}
