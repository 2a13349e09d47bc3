// Request bodies of the share API.
import { z } from "zod";
import { expiresInSchema } from "./expiry";

export const createShareRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100),
    includeSystemPrompts: z.boolean(),
    includeStats: z.boolean(),
    /** Show the prompts' images and text files on the shared page (off unless ticked). */
    includeAttachments: z.boolean().optional(),
    expiresIn: expiresInSchema,
    updateExisting: z.boolean().optional(),
  })
  .strict();

export type CreateShareRequest = z.infer<typeof createShareRequestSchema>;
