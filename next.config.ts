import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "@prisma/client", "@prisma/adapter-better-sqlite3", "gpt-tokenizer"],
  // SSE must never be gzip-buffered; static assets are small enough without it.
  compress: false,
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
