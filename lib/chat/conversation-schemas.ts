// Query strings of the conversation routes (list/search, export).
import { z } from "zod";

export const conversationSearchSchema = z.object({
  q: z.string().max(200, "at most 200 characters").optional(),
});

export const exportQuerySchema = z.object({
  format: z.enum(["json", "md"], { error: "must be json or md" }).default("json"),
});
