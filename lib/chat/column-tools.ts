// The built-in tools a column's calls carry: the conversation's, unless the column's model
// cannot call tools (then it answers without them rather than failing).
import type { ChatCompletionTool } from "openai/resources/chat/completions";
import { resolveCandidates } from "../router/resolve-model";
import { toolParameters } from "../tools/registry";

export function columnTools(modelId: string, enabled: readonly string[]): ChatCompletionTool[] {
  const tools = toolParameters(enabled);
  if (tools.length === 0) return tools;
  try {
    return resolveCandidates(modelId).some((c) => c.supportsTools !== false) ? tools : [];
  } catch {
    // An unknown model fails on its own when called; the tools are not the reason.
    return tools;
  }
}
