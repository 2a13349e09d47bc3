// Tool calling for tool-capable sandbox models: decide whether the last user message calls
// for one of the request's tools (with arguments fitted to its JSON schema), and answer in
// prose once the tool results come back.
import { evaluateExpression, findExpression } from "./arithmetic";
import { hashString } from "./random";
import { messageText, type SandboxMessage, type SandboxRequest, type SandboxTool } from "./request-schema";

export interface PlannedToolCall {
  id: string;
  name: string;
  /** JSON text, streamed in pieces like a real provider does. */
  arguments: string;
}

const TIME_QUESTION = /\b(time|date|today|clock|what day)\b/i;

export function chooseToolCall(request: SandboxRequest, prompt: string): PlannedToolCall | undefined {
  const tools = request.tools ?? [];
  const last = request.messages.at(-1);
  if (tools.length === 0 || last?.role !== "user" || request.tool_choice === "none") return undefined;
  const choice = request.tool_choice;
  const forced = typeof choice === "object" && choice ? tools.find((t) => t.function.name === choice.function.name) : undefined;
  const tool = forced ?? matchTool(tools, prompt) ?? (choice === "required" ? tools[0] : undefined);
  if (!tool) return undefined;
  const args = JSON.stringify(argumentsFor(tool, prompt));
  const id = `call_${hashString(`${tool.function.name}\n${args}\n${request.messages.length}`).toString(36).padStart(11, "0")}`;
  return { id, name: tool.function.name, arguments: args };
}

function matchTool(tools: readonly SandboxTool[], prompt: string): SandboxTool | undefined {
  const named = (pattern: RegExp) => tools.find((t) => pattern.test(t.function.name));
  if (findExpression(prompt) !== undefined) {
    const calculator = named(/calc|math|arith|eval|compute/i);
    if (calculator) return calculator;
  }
  if (TIME_QUESTION.test(prompt)) {
    const clock = named(/time|date|clock/i);
    if (clock) return clock;
  }
  // Otherwise a tool whose name shares a distinctive word with the prompt ("get_weather" / "weather").
  const words = new Set(prompt.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  return tools.find((t) => nameWords(t.function.name).some((w) => w.length >= 4 && words.has(w)));
}

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w && !["get", "set", "fetch", "lookup", "tool"].includes(w));
}

type PropertySchema = { type?: string | string[]; enum?: unknown[] };

function argumentsFor(tool: SandboxTool, prompt: string): Record<string, unknown> {
  const parameters = (tool.function.parameters ?? {}) as { properties?: Record<string, PropertySchema>; required?: string[] };
  const properties = parameters.properties ?? {};
  const names = parameters.required?.length ? parameters.required : Object.keys(properties).slice(0, 1);
  const expression = findExpression(prompt);
  if (names.length === 0) return expression !== undefined && /calc|math/i.test(tool.function.name) ? { expression } : {};
  const args: Record<string, unknown> = {};
  for (const name of names) args[name] = valueFor(name, properties[name] ?? {}, prompt, expression);
  return args;
}

function valueFor(name: string, schema: PropertySchema, prompt: string, expression: string | undefined): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (type === "number" || type === "integer") return Number(/-?\d+(?:\.\d+)?/.exec(prompt)?.[0] ?? 1);
  if (type === "boolean") return true;
  if (/zone|tz/i.test(name)) return "UTC";
  if (/city|location|place/i.test(name)) return /\bin ([A-Z][\w-]*(?: [A-Z][\w-]*)?)/.exec(prompt)?.[1] ?? "London";
  if (expression !== undefined && /expr|formula|equation|input|query|calc/i.test(name)) return expression;
  return prompt;
}

/** Prose for the turn after tool results: undefined unless the conversation ends with tool messages. */
export function answerFromToolResults(messages: readonly SandboxMessage[]): string | undefined {
  let start = messages.length;
  while (start > 0 && messages[start - 1].role === "tool") start--;
  if (start === messages.length) return undefined;
  const calls = messages[start - 1]?.tool_calls ?? [];
  const lines = messages.slice(start).map((message) => {
    const call = calls.find((c) => c.id === message.tool_call_id);
    const result = unwrapResult(messageText(message));
    const expression = call ? (safeParse(call.function.arguments) as { expression?: unknown }).expression : undefined;
    if (typeof expression === "string") {
      const checked = evaluateExpression(expression);
      const agrees = checked === undefined || String(checked) === result;
      return `Using the \`${call!.function.name}\` tool: **${expression} = ${result}**.${agrees ? "" : ` (By my own arithmetic it would be ${checked}.)`}`;
    }
    if (call && /time|date|clock/i.test(call.function.name)) return `According to \`${call.function.name}\`, it is currently **${result}**.`;
    return `The \`${call?.function.name ?? "tool"}\` tool returned: ${result}`;
  });
  return [...lines, "Let me know if you need anything else."].join("\n\n");
}

function unwrapResult(text: string): string {
  const parsed = safeParse(text);
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    const values = Object.values(parsed as Record<string, unknown>);
    if (values.length === 1 && (typeof values[0] === "string" || typeof values[0] === "number")) return String(values[0]);
  }
  return text.trim();
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
