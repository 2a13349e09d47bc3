// DeepSeek's models: its own API (V4 only) and the open-weight releases on OpenRouter, Together and Fireworks.
// DeepSeek retired the deepseek-chat and deepseek-reasoner names on 2026-07-24 (they had become aliases of
// deepseek-v4-flash), so the direct API rows use the V4 ids. Direct prices are DeepSeek's list prices (V4 Pro's
// 75%-off price was made permanent); context and output cap are the 1M / 384K its pricing page states.
import type { CatalogModel } from "../types";

export const DEEPSEEK_MODELS: CatalogModel[] = [
  {
    id: "deepseek/deepseek-v4-flash",
    name: "DeepSeek: DeepSeek V4 Flash",
    contextLength: 1048576,
    maxOutputTokens: 393216,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "reasoning_effort", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_a", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "deepseek", upstreamId: "deepseek-v4-flash", prompt: "0.00000014", completion: "0.00000028", cachedPrompt: "0.0000000028", contextLength: 1048576, maxOutputTokens: 384000, free: false },
      { provider: "openrouter", upstreamId: "deepseek/deepseek-v4-flash", prompt: "0.00000014", completion: "0.00000028", cachedPrompt: "0.000000028", contextLength: 1048576, maxOutputTokens: 393216, free: false },
    ],
  },
  {
    id: "deepseek/deepseek-v4-pro",
    name: "DeepSeek: DeepSeek V4 Pro",
    contextLength: 1048576,
    maxOutputTokens: 384000,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "reasoning_effort", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "deepseek", upstreamId: "deepseek-v4-pro", prompt: "0.000000435", completion: "0.00000087", cachedPrompt: "0.000000003625", contextLength: 1048576, maxOutputTokens: 384000, free: false },
      { provider: "openrouter", upstreamId: "deepseek/deepseek-v4-pro", prompt: "0.000000435", completion: "0.00000087", cachedPrompt: "0.000000003625", contextLength: 1048576, maxOutputTokens: 384000, free: false },
    ],
  },
  {
    id: "deepseek/deepseek-v3.2",
    name: "DeepSeek: DeepSeek V3.2",
    contextLength: 163840,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "deepseek/deepseek-v3.2", prompt: "0.000000269", completion: "0.0000004", cachedPrompt: "0.0000001345", contextLength: 163840, maxOutputTokens: 65536, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/deepseek-v3p2", prompt: "0.00000056", completion: "0.00000168", contextLength: 163840, maxOutputTokens: 163840, free: false },
    ],
  },
  {
    id: "deepseek/deepseek-chat-v3.1",
    name: "DeepSeek: DeepSeek V3.1",
    contextLength: 163840,
    maxOutputTokens: 32768,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "deepseek/deepseek-chat-v3.1", prompt: "0.00000025", completion: "0.00000095", cachedPrompt: "0.00000013", contextLength: 163840, maxOutputTokens: 32768, free: false },
      { provider: "together", upstreamId: "deepseek-ai/DeepSeek-V3.1", prompt: "0.0000006", completion: "0.0000017", contextLength: 128000, maxOutputTokens: 16384, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/deepseek-v3p1", prompt: "0.00000056", completion: "0.00000168", contextLength: 128000, maxOutputTokens: 8192, free: false },
    ],
  },
  {
    id: "deepseek/deepseek-chat-v3-0324",
    name: "DeepSeek: DeepSeek V3 0324",
    contextLength: 163840,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "deepseek/deepseek-chat-v3-0324", prompt: "0.00000027", completion: "0.00000112", cachedPrompt: "0.000000135", contextLength: 163840, maxOutputTokens: 65536, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/deepseek-v3-0324", prompt: "0.0000009", completion: "0.0000009", contextLength: 163840, maxOutputTokens: 163840, free: false },
    ],
  },
  {
    id: "deepseek/deepseek-r1-0528",
    name: "DeepSeek: R1 0528",
    contextLength: 163840,
    maxOutputTokens: 32768,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "deepseek/deepseek-r1-0528", prompt: "0.0000005", completion: "0.00000215", cachedPrompt: "0.00000035", contextLength: 163840, maxOutputTokens: 32768, free: false },
      { provider: "together", upstreamId: "deepseek-ai/DeepSeek-R1-0528-tput", prompt: "0.00000055", completion: "0.00000219", contextLength: 128000, maxOutputTokens: null, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/deepseek-r1-0528", prompt: "0.000003", completion: "0.000008", contextLength: 160000, maxOutputTokens: 160000, free: false },
    ],
  },
];
