// Moved: picker options are priced by the router (lib/router/model-options.ts). Kept for
// lib/blind/blind-columns.ts until it imports from there; nothing else should import this.
export { listModelOptions } from "../router/model-options";
