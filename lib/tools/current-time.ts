// The current date and time in an IANA time zone, so models need not guess "now".
import { z } from "zod";
import type { ChatTool } from "./tool-definition";
import { CURRENT_TIME_INFO } from "./tool-info";

const argsSchema = z.object({ timezone: z.string().min(1).max(64).optional() });

export const currentTime: ChatTool<z.infer<typeof argsSchema>> = {
  ...CURRENT_TIME_INFO,
  parameters: {
    type: "object",
    properties: { timezone: { type: "string", description: "IANA time zone, e.g. Europe/Paris; default UTC" } },
    required: ["timezone"],
    additionalProperties: false,
  },
  args: argsSchema,
  run: ({ timezone = "UTC" }) => formatNow(new Date(), timezone),
};

export function formatNow(now: Date, timeZone: string): string {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "full", timeStyle: "long" });
  } catch {
    throw new Error(`Unknown time zone "${timeZone}"`);
  }
  return `${formatter.format(now)} (${timeZone})`;
}
