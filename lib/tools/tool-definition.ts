// The shape of a built-in chatroom tool. Adding a tool is one file exporting one of these,
// listed in registry.ts, with its name, label and description in tool-info.ts.
import type { z } from "zod";
import type { ChatToolInfo } from "./tool-info";

export interface ChatTool<Args = unknown> extends ChatToolInfo {
  /** JSON schema of the arguments, as sent to the model. */
  parameters: Record<string, unknown>;
  /** Validates the model's arguments before `run` sees them (models are untrusted). */
  args: z.ZodType<Args>;
  run(args: Args): string;
}
