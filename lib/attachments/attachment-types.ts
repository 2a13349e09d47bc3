// The JSON shape of an attachment lives in lib/dto/attachment.ts (lib/db needs it too).
export * from "../dto/attachment";
