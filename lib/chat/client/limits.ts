/** Mirrors MAX_COLUMNS in lib/chat/schemas.ts, which is server code (zod) the browser need not load. */
export const MAX_MODELS = 8;
