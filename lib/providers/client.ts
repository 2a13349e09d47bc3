// The `openai` SDK pointed at a provider's base URL, for what is not a model call: listing a
// provider's models and checking it. Calls go through the engine's leaner request
// (upstream-request.ts) on the same pool and with the same headers.
import OpenAI from "openai";
import { getEnv } from "../env";
import { processSingleton } from "../process-singleton";
import { fastFetch } from "./fast-fetch";
import { attributionHeaders } from "./provider-headers";
import { handleSandboxRequest } from "./sandbox/handler";
import { usesInProcessSandbox, type ProviderConfig } from "./registry";

const clients = () => processSingleton("provider-clients", () => new Map<string, OpenAI>());

export function getProviderClient(provider: ProviderConfig): OpenAI {
  const cache = clients();
  const key = `${provider.id}|${provider.baseUrl}|${provider.apiKey ?? ""}`;
  let client = cache.get(key);
  if (!client) {
    const env = getEnv();
    client = new OpenAI({
      baseURL: provider.baseUrl,
      // Local servers (Ollama, LM Studio) ignore the key, but the SDK requires one.
      apiKey: provider.apiKey ?? "not-needed",
      // Fallback and retries are the router's job, where every attempt is recorded.
      maxRetries: 0,
      timeout: env.UPSTREAM_TIMEOUT_MS,
      // The built-in sandbox answers in-process with the same bytes it serves over HTTP.
      fetch: usesInProcessSandbox(provider)
        ? (url: RequestInfo | URL, init?: RequestInit) => handleSandboxRequest(new Request(url, init), { speed: env.SANDBOX_SPEED, signal: init?.signal ?? undefined })
        : fastFetch,
      defaultHeaders: attributionHeaders(provider),
    });
    cache.set(key, client);
  }
  return client;
}

/** Drops a provider's clients, so none lingers holding a key that was replaced or removed. */
export function forgetProviderClients(providerId: string): void {
  const cache = clients();
  for (const key of cache.keys()) if (key.startsWith(`${providerId}|`)) cache.delete(key);
}
