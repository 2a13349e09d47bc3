// Tool calls arrive as deltas keyed by index (id and name first, arguments in pieces); this
// assembles them into whole calls, for the chatroom's tool rounds, non-streaming answers and
// usage estimates alike.
import type { ToolCallDelta } from "../providers/chunk-reader";

export interface AssembledToolCall {
  id: string;
  name: string;
  arguments: string;
}

export class ToolCallCollector {
  private readonly calls = new Map<number, AssembledToolCall>();

  get size(): number {
    return this.calls.size;
  }

  add(deltas: readonly ToolCallDelta[]): void {
    for (const delta of deltas) {
      const index = typeof delta.index === "number" ? delta.index : this.calls.size;
      const call = this.calls.get(index) ?? { id: "", name: "", arguments: "" };
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
      this.calls.set(index, call);
    }
  }

  /** Whole calls in index order; a call without an id gets one, so its result can refer to it. */
  list(round = 0): AssembledToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({ ...call, id: call.id || `call_${round}_${index}` }))
      .filter((call) => call.name);
  }
}
