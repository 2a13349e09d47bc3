// A provider's key or base URL, or an instance-wide switch, changed: the saved settings are read
// again and whatever was derived from the old ones is forgotten, here and (over the bus) on every
// other instance. What lib/providers derives is forgotten here; higher layers that keep their own
// per-provider state (the router's health, the catalog's refreshed lists) subscribe instead, so
// this folder never imports them. A subscriber registers when its module loads, i.e. wherever
// its state can exist; registrations are named (the last one wins: Next bundles a module once per
// route, and every copy works on the same globalThis state).
import { processSingleton } from "../process-singleton";
import { onBroadcast, publishToOthers } from "../redis/bus";
import { forgetCheck } from "./check-results";
import { forgetProviderClients } from "./client";
import { loadProviderCredentials } from "./credential-snapshot";
import { forgetDiscoveredModels } from "./discover-models";

export interface ProviderSettingsChange {
  providerId: string;
  /** The base URL changed (or the provider came or went), not only the key. */
  endpointChanged: boolean;
}

interface SettingsMessage {
  /** null: an instance-wide switch (the sandbox), no provider's own state to forget. */
  providerId: string | null;
  endpointChanged: boolean;
}

type Subscriber = (change: ProviderSettingsChange) => void;

const subscribers = () => processSingleton("provider-settings-subscribers", () => new Map<string, Subscriber>());

/** Runs `subscriber` after every change to one provider's settings, on this instance. */
export function onProviderSettingsChanged(name: string, subscriber: Subscriber): void {
  subscribers().set(name, subscriber);
}

// Another instance saved a key, a base URL or a switch: read them again here too.
onBroadcast<SettingsMessage>("provider-settings", ({ providerId, endpointChanged }) => {
  applyChange(providerId, endpointChanged).catch((error) => console.error("[providers] could not reload provider settings:", error));
});

/** After a write to the provider settings: this instance reloads and forgets, then the others do. */
export async function providerSettingsChanged(providerId: string | null, endpointChanged: boolean): Promise<void> {
  await applyChange(providerId, endpointChanged);
  await publishToOthers("provider-settings", { providerId, endpointChanged } satisfies SettingsMessage);
}

async function applyChange(providerId: string | null, endpointChanged: boolean): Promise<void> {
  await loadProviderCredentials();
  if (providerId === null) return;
  forgetDiscoveredModels(providerId);
  forgetProviderClients(providerId);
  forgetCheck(providerId);
  for (const subscriber of subscribers().values()) subscriber({ providerId, endpointChanged });
}
