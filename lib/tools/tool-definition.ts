// The shape of a built-in chatroom tool. Adding a tool is one file exporting one of these,
// listed in registry.ts.
import type { z } from "zod";

export interface ChatTool<Args = unknown> {
  /** The function name the model sees. */
  name: string;
  /** Shown next to the switch in the chatroom. */
  label: string;
  description: string;
  /** JSON schema of the arguments, as sent to the model. */
  parameters: Record<string, unknown>;
  /** Validates the model's arguments before `run` sees them (models are untrusted). */
  args: z.ZodType<Args>;
  run(args: Args): string;
}
