import type { NextConfig } from "next";
import { NON_PAGE_CSP } from "./lib/server/security-headers";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "@prisma/client", "@prisma/adapter-better-sqlite3", "gpt-tokenizer"],
  // SSE must never be gzip-buffered; static assets are small enough without it.
  compress: false,
  poweredByHeader: false,
  typedRoutes: false,
  // JSON and file responses of the app's routes: a policy that allows nothing (pages get theirs from proxy.ts).
  async headers() {
    return [{ source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] }];
  },
};

export default nextConfig;
