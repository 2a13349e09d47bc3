// What a call has delivered so far, read from its chunks as they pass: text, reasoning, tool
// calls, finish reason and reported usage. The estimate when no usage comes, and the
// checkpoints while the call runs, are made from it.
import { computeCostPico } from "../ledger/compute-cost";
import { countRequestTokens, countTokens } from "../ledger/count-tokens";
import { estimateUsage, type Delivered } from "../ledger/estimate-usage";
import { generationCheckpoint } from "../ledger/ledger-writer";
import type { Usage } from "../ledger/usage";
import type { HotWrite } from "../db/hot-writes";
import type { ChunkView } from "../providers/chunk-reader";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import type { Candidate } from "../router/resolve-model";
import { checkpointDue } from "./checkpoint";
import { ToolCallCollector } from "./tool-calls";

export class CallProgress {
  text = "";
  reasoning = "";
  readonly tools = new ToolCallCollector();
  finishReason: string | null = null;
  /** The provider's own usage report (the last one wins). */
  usage: Usage | null = null;
  firstTokenAt: number | null = null;
  // Checkpoints count tokens incrementally: only what arrived since the last one.
  private promptTokens: number | null = null;
  private counted = { text: 0, reasoning: 0, textTokens: 0, reasoningTokens: 0, toolCalls: 0 };
  private checkpointed = { at: Date.now(), chars: 0, tools: 0, usage: null as Usage | null };

  constructor(
    public served: Candidate,
    public request: NormalisedRequest,
  ) {}

  /** Reads one chunk; true when it carried content (the first token has then been sent). */
  add(view: ChunkView): boolean {
    let content = false;
    if (view.text) {
      this.text += view.text;
      content = true;
    }
    if (view.reasoning) {
      this.reasoning += view.reasoning;
      content = true;
    }
    if (view.toolCalls) {
      this.tools.add(view.toolCalls);
      content = true;
    }
    if (view.finishReason) this.finishReason = view.finishReason;
    if (view.usage) this.usage = view.usage;
    if (content && this.firstTokenAt === null) this.firstTokenAt = Date.now();
    return content;
  }

  get delivered(): boolean {
    return this.firstTokenAt !== null;
  }

  private deliveredParts(): Delivered {
    return { text: this.text, reasoning: this.reasoning, toolCalls: this.tools.size ? JSON.stringify(this.tools.list()) : "" };
  }

  /** The usage the ledger records: the provider's, or counted from what was sent and delivered. */
  finalUsage(): Usage {
    return this.usage ?? estimateUsage(() => this.countPrompt(), this.deliveredParts());
  }

  private countPrompt(): number {
    return (this.promptTokens ??= countRequestTokens(this.request.params));
  }

  /** The ledger row's progress when a checkpoint is due (checkpoint.ts), else null. */
  checkpoint(generationId: string): HotWrite | null {
    const last = this.checkpointed;
    const chars = this.text.length + this.reasoning.length;
    const news = this.usage !== last.usage || this.tools.size !== last.tools;
    if (!news && !checkpointDue(last.at, chars - last.chars)) return null;
    Object.assign(last, { at: Date.now(), chars, tools: this.tools.size, usage: this.usage });
    const usage = this.usage ?? this.countedSoFar();
    return generationCheckpoint(generationId, {
      provider: this.served.provider.id,
      upstreamModel: this.served.upstreamModel,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      reasoningTokens: usage.reasoningTokens,
      cachedTokens: usage.cachedTokens,
      cacheWriteTokens: usage.cacheWriteTokens,
      usageEstimated: usage.estimated,
      costPico: usage.upstreamCostPico ?? computeCostPico(usage, this.served.price),
      computedCostPico: computeCostPico(usage, this.served.price),
    });
  }

  private countedSoFar(): Usage {
    const c = this.counted;
    c.textTokens += countTokens(this.text.slice(c.text));
    c.text = this.text.length;
    c.reasoningTokens += countTokens(this.reasoning.slice(c.reasoning));
    c.reasoning = this.reasoning.length;
    if (this.tools.size) c.toolCalls = countTokens(JSON.stringify(this.tools.list()));
    return {
      promptTokens: this.countPrompt(),
      completionTokens: c.textTokens + c.reasoningTokens + c.toolCalls,
      reasoningTokens: c.reasoningTokens,
      cachedTokens: 0,
      cacheWriteTokens: 0,
      estimated: true,
    };
  }
}
