// The simulated models the sandbox serves. Their numbers are chosen to look like a spread of
// real models (fast and cheap, slow and pricey, reasoning, free) so the chatroom and the
// benchmarks show meaningful differences without any network.

/** How a model shapes its answers; see answer.ts. */
export type SandboxStyle = "terse" | "verbose" | "reasoner" | "plain" | "code" | "balanced";

export interface SandboxModel {
  id: string;
  name: string;
  description: string;
  /** Streaming speed once the first token has arrived. */
  tokensPerSecond: number;
  /** Time to first token. */
  ttftMs: number;
  /** Target answer length in tokens (the actual length varies a little with the prompt). */
  verbosity: number;
  /** Price per token in picodollars (1e-12 USD): $0.15 per million tokens = 150_000n. */
  pricePromptPico: bigint;
  priceCompletionPico: bigint;
  contextLength: number;
  maxOutputTokens: number;
  supportsTools: boolean;
  /** Takes images (image_url parts): it describes their size and dominant colour (see vision.ts). */
  vision: boolean;
  reasoning: boolean;
  free: boolean;
  style: SandboxStyle;
}

export const SANDBOX_MODELS: readonly SandboxModel[] = [
  {
    id: "swift-mini",
    name: "Swift Mini (simulated)",
    description: "Fast and cheap; short, to-the-point answers.",
    tokensPerSecond: 150,
    ttftMs: 150,
    verbosity: 90,
    pricePromptPico: 150_000n,
    priceCompletionPico: 600_000n,
    contextLength: 128_000,
    maxOutputTokens: 16_384,
    supportsTools: false,
    vision: false,
    reasoning: false,
    free: false,
    style: "terse",
  },
  {
    id: "atlas-large",
    name: "Atlas Large (simulated)",
    description: "Slow, thorough and expensive; long structured answers with tables.",
    tokensPerSecond: 40,
    ttftMs: 600,
    verbosity: 420,
    pricePromptPico: 3_000_000n,
    priceCompletionPico: 15_000_000n,
    contextLength: 200_000,
    maxOutputTokens: 8_192,
    supportsTools: false,
    vision: false,
    reasoning: false,
    free: false,
    style: "verbose",
  },
  {
    id: "sage-reasoner",
    name: "Sage Reasoner (simulated)",
    description: "Thinks out loud first (reasoning tokens), then answers step by step.",
    tokensPerSecond: 60,
    ttftMs: 400,
    verbosity: 260,
    pricePromptPico: 1_100_000n,
    priceCompletionPico: 4_400_000n,
    contextLength: 128_000,
    maxOutputTokens: 32_768,
    supportsTools: false,
    vision: false,
    reasoning: true,
    free: false,
    style: "reasoner",
  },
  {
    id: "echo-free",
    name: "Echo Free (simulated)",
    description: "Free and slow; plain prose answers.",
    tokensPerSecond: 25,
    ttftMs: 900,
    verbosity: 140,
    pricePromptPico: 0n,
    priceCompletionPico: 0n,
    contextLength: 32_768,
    maxOutputTokens: 4_096,
    supportsTools: false,
    vision: false,
    reasoning: false,
    free: true,
    style: "plain",
  },
  {
    id: "coder-pro",
    name: "Coder Pro (simulated)",
    description: "Code-heavy answers; can call tools.",
    tokensPerSecond: 90,
    ttftMs: 300,
    verbosity: 300,
    pricePromptPico: 500_000n,
    priceCompletionPico: 1_500_000n,
    contextLength: 128_000,
    maxOutputTokens: 16_384,
    supportsTools: true,
    vision: false,
    reasoning: false,
    free: false,
    style: "code",
  },
  {
    id: "nimbus-tools",
    name: "Nimbus Tools (simulated)",
    description: "Balanced general assistant with tool calling.",
    tokensPerSecond: 110,
    ttftMs: 250,
    verbosity: 180,
    pricePromptPico: 250_000n,
    priceCompletionPico: 1_000_000n,
    contextLength: 64_000,
    maxOutputTokens: 8_192,
    supportsTools: true,
    vision: false,
    reasoning: false,
    free: false,
    style: "balanced",
  },
  {
    id: "iris-vision",
    name: "Iris Vision (simulated)",
    description: "Sees images: states each one's size and dominant colour, then answers.",
    tokensPerSecond: 80,
    ttftMs: 350,
    verbosity: 120,
    pricePromptPico: 400_000n,
    priceCompletionPico: 1_600_000n,
    contextLength: 128_000,
    maxOutputTokens: 8_192,
    supportsTools: false,
    vision: true,
    reasoning: false,
    free: false,
    style: "balanced",
  },
];

export function findSandboxModel(id: string): SandboxModel | undefined {
  return SANDBOX_MODELS.find((m) => m.id === id);
}
