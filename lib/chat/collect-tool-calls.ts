// Tool calls arrive as deltas keyed by index (id and name first, arguments in pieces);
// this assembles them into whole calls.
import type { UpstreamEvent } from "../streaming/events";

export interface AssembledToolCall {
  id: string;
  name: string;
  arguments: string;
}

export class ToolCallCollector {
  private readonly calls = new Map<number, AssembledToolCall>();

  add(event: Extract<UpstreamEvent, { type: "tool-call" }>): void {
    const call = this.calls.get(event.index) ?? { id: "", name: "", arguments: "" };
    if (event.id) call.id = event.id;
    if (event.name) call.name += event.name;
    if (event.argumentsDelta) call.arguments += event.argumentsDelta;
    this.calls.set(event.index, call);
  }

  /** Whole calls in index order; a call without an id gets one, so its result can refer to it. */
  list(round: number): AssembledToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({ ...call, id: call.id || `call_${round}_${index}` }))
      .filter((call) => call.name);
  }
}
