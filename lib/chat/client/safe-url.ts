// Links in model output keep only web and mail addresses: no javascript:, data:, file:,
// and no relative paths that would point into this app.
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : "";
}
