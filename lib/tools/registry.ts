// Every built-in tool the chatroom offers. Adding one: write its file, list it here.
import type { ChatCompletionTool } from "openai/resources/chat/completions";
import { calculator } from "./calculator";
import { currentTime } from "./current-time";
import type { ChatTool } from "./tool-definition";

export const CHAT_TOOLS: readonly ChatTool<never>[] = [calculator, currentTime] as ChatTool<never>[];

export const CHAT_TOOL_NAMES = CHAT_TOOLS.map((tool) => tool.name);

export function findChatTool(name: string): ChatTool<never> | undefined {
  return CHAT_TOOLS.find((tool) => tool.name === name);
}

/** The OpenAI `tools` parameter for the named tools (unknown names are ignored). */
export function toolParameters(names: readonly string[]): ChatCompletionTool[] {
  return CHAT_TOOLS.filter((tool) => names.includes(tool.name)).map((tool) => ({
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

/** Runs a call from a model: its result text, or an error the model can read and recover from. */
export function runChatTool(name: string, argumentsJson: string): { ok: boolean; content: string } {
  const tool = findChatTool(name);
  if (!tool) return { ok: false, content: `Error: there is no tool named "${name}"` };
  let raw: unknown;
  try {
    raw = argumentsJson.trim() ? JSON.parse(argumentsJson) : {};
  } catch {
    return { ok: false, content: "Error: the arguments are not valid JSON" };
  }
  const parsed = tool.args.safeParse(raw);
  if (!parsed.success) return { ok: false, content: `Error: invalid arguments: ${parsed.error.issues[0]?.message ?? "unknown"}` };
  try {
    return { ok: true, content: tool.run(parsed.data) };
  } catch (error) {
    return { ok: false, content: `Error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The conversation's stored choice ("calculator,current_time"), keeping only tools that still exist. */
export function enabledToolsOf(stored: string): string[] {
  return stored.split(",").filter((name) => CHAT_TOOL_NAMES.includes(name));
}
