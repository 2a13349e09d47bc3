// The one limit on request bodies, for every route of both servers (`npm start`, `npm run
// api`): bigger bodies are refused with 413 before any handler runs (or as soon as a chunked
// body passes it). Room for a long conversation with a few images inlined as base64.
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const bodyTooLargeMessage = `The request body is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MiB`;
