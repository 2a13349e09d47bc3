// Other open-weight families (Moonshot Kimi, Z.ai GLM, NVIDIA Nemotron) across the open-model hosts.
import type { CatalogModel } from "../types";

export const OTHER_OPEN_MODELS: CatalogModel[] = [
  {
    id: "moonshotai/kimi-k2-0905",
    name: "MoonshotAI: Kimi K2 0905",
    contextLength: 262144,
    maxOutputTokens: 100352,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "max_tokens", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "moonshotai/kimi-k2-0905", prompt: "0.0000006", completion: "0.0000025", contextLength: 262144, maxOutputTokens: 100352, free: false },
      { provider: "groq", upstreamId: "moonshotai/kimi-k2-instruct-0905", prompt: "0.000001", completion: "0.000003", cachedPrompt: "0.0000005", contextLength: 262144, maxOutputTokens: 16384, free: false },
      { provider: "together", upstreamId: "moonshotai/Kimi-K2-Instruct-0905", prompt: "0.000001", completion: "0.000003", contextLength: 262144, maxOutputTokens: null, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/kimi-k2-instruct-0905", prompt: "0.0000006", completion: "0.0000025", contextLength: 262144, maxOutputTokens: 32768, free: false },
    ],
  },
  {
    id: "moonshotai/kimi-k2.5",
    name: "MoonshotAI: Kimi K2.5",
    contextLength: 262144,
    maxOutputTokens: 262144,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "moonshotai/kimi-k2.5", prompt: "0.00000057", completion: "0.00000285", cachedPrompt: "0.000000095", contextLength: 262144, maxOutputTokens: 262144, free: false },
      { provider: "together", upstreamId: "moonshotai/Kimi-K2.5", prompt: "0.0000005", completion: "0.0000028", contextLength: 256000, maxOutputTokens: 256000, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/kimi-k2p5", prompt: "0.0000006", completion: "0.000003", cachedPrompt: "0.0000001", contextLength: 262144, maxOutputTokens: 32768, free: false },
    ],
  },
  {
    id: "z-ai/glm-4.7",
    name: "Z.ai: GLM 4.7",
    contextLength: 204800,
    maxOutputTokens: 131072,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "z-ai/glm-4.7", prompt: "0.0000004", completion: "0.00000175", cachedPrompt: "0.00000008", contextLength: 202752, maxOutputTokens: 131072, free: false },
      { provider: "together", upstreamId: "zai-org/GLM-4.7", prompt: "0.00000045", completion: "0.000002", contextLength: 200000, maxOutputTokens: 200000, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/glm-4p7", prompt: "0.0000006", completion: "0.0000022", cachedPrompt: "0.0000003", contextLength: 202800, maxOutputTokens: 202800, free: false },
    ],
  },
  {
    id: "z-ai/glm-4.6",
    name: "Z.ai: GLM 4.6",
    contextLength: 204800,
    maxOutputTokens: 131072,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "z-ai/glm-4.6", prompt: "0.0000005", completion: "0.000002", cachedPrompt: "0.0000001", contextLength: 202752, maxOutputTokens: 131072, free: false },
      { provider: "together", upstreamId: "zai-org/GLM-4.6", prompt: "0.0000006", completion: "0.0000022", contextLength: 200000, maxOutputTokens: 200000, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/glm-4p6", prompt: "0.00000055", completion: "0.00000219", contextLength: 202800, maxOutputTokens: 202800, free: false },
    ],
  },
  {
    id: "nvidia/nemotron-3-super-120b-a12b:free",
    name: "NVIDIA: Nemotron 3 Super (free)",
    contextLength: 262144,
    maxOutputTokens: 262144,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "reasoning_effort", "response_format", "seed", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: true,
    endpoints: [
      { provider: "openrouter", upstreamId: "nvidia/nemotron-3-super-120b-a12b:free", prompt: "0", completion: "0", contextLength: 262144, maxOutputTokens: 262144, free: true },
    ],
  },
  {
    id: "nvidia/nemotron-nano-9b-v2:free",
    name: "NVIDIA: Nemotron Nano 9B V2 (free)",
    contextLength: 128000,
    maxOutputTokens: null,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: true,
    endpoints: [
      { provider: "openrouter", upstreamId: "nvidia/nemotron-nano-9b-v2:free", prompt: "0", completion: "0", contextLength: 128000, maxOutputTokens: null, free: true },
    ],
  },
];
