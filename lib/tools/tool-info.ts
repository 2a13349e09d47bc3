// What a person sees of each built-in tool beside its switch in the chatroom: plain data, so
// the browser loads this and not the tools themselves. Their zod argument schemas would bring
// zod into the page, which probes `new Function` when a schema is built, and the page's CSP
// (no 'unsafe-eval') reports every probe as a violation.

export interface ChatToolInfo {
  /** The function name the model sees. */
  name: string;
  /** Shown next to the switch in the chatroom. */
  label: string;
  description: string;
}

export const CALCULATOR_INFO: ChatToolInfo = {
  name: "calculator",
  label: "Calculator",
  description: "Evaluates an arithmetic expression exactly: decimals, + - * / % ^ and parentheses. Use it for any arithmetic.",
};

export const CURRENT_TIME_INFO: ChatToolInfo = {
  name: "current_time",
  label: "Current time",
  description: "Returns the current date and time in the given IANA time zone (default UTC).",
};

/** In the order the chatroom shows them; registry.ts lists the tools themselves in the same order. */
export const CHAT_TOOL_INFO: readonly ChatToolInfo[] = [CALCULATOR_INFO, CURRENT_TIME_INFO];
