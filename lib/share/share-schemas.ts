// Request bodies of the share API.
import { z } from "zod";
import { expiresInSchema } from "./expiry";

export const createShareRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100),
    includeSystemPrompts: z.boolean(),
    includeStats: z.boolean(),
    expiresIn: expiresInSchema,
    updateExisting: z.boolean().optional(),
  })
  .strict();

export type CreateShareRequest = z.infer<typeof createShareRequestSchema>;
