// The headers every request to a provider carries: its key, and the attribution OpenRouter
// asks apps to send. Built once per provider configuration.
import type { ProviderConfig } from "./registry";

/** Besides the key: OpenRouter shows calls under this app's name. */
export function attributionHeaders(provider: Pick<ProviderConfig, "id">): Record<string, string> | undefined {
  return provider.id === "openrouter" ? { "HTTP-Referer": "https://github.com/switchyard", "X-Title": "Switchyard" } : undefined;
}

const built = new WeakMap<ProviderConfig, Record<string, string>>();

/** A JSON POST's headers, key included (local servers without a key get none). */
export function requestHeaders(provider: ProviderConfig): Record<string, string> {
  let headers = built.get(provider);
  if (!headers) {
    headers = { "content-type": "application/json", accept: "application/json, text/event-stream", ...attributionHeaders(provider) };
    if (provider.apiKey) headers.authorization = `Bearer ${provider.apiKey}`;
    built.set(provider, headers);
  }
  return headers;
}
