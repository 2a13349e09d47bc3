// Alibaba's Qwen models on OpenRouter, Groq, Together and Fireworks.
import type { CatalogModel } from "../types";

export const QWEN_MODELS: CatalogModel[] = [
  {
    id: "qwen/qwen3-32b",
    name: "Qwen: Qwen3 32B",
    contextLength: 131072,
    maxOutputTokens: 16384,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "qwen/qwen3-32b", prompt: "0.00000008", completion: "0.00000028", contextLength: 40960, maxOutputTokens: 16384, free: false },
      { provider: "groq", upstreamId: "qwen/qwen3-32b", prompt: "0.00000029", completion: "0.00000059", contextLength: 131000, maxOutputTokens: 131000, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/qwen3-32b", prompt: "0.0000009", completion: "0.0000009", contextLength: 131072, maxOutputTokens: 131072, free: false },
    ],
  },
  {
    id: "qwen/qwen3-235b-a22b-2507",
    name: "Qwen: Qwen3 235B A22B Instruct 2507",
    contextLength: 262144,
    maxOutputTokens: 16384,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "qwen/qwen3-235b-a22b-2507", prompt: "0.00000009", completion: "0.00000055", contextLength: 262144, maxOutputTokens: 16384, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/qwen3-235b-a22b-instruct-2507", prompt: "0.00000022", completion: "0.00000088", contextLength: 262144, maxOutputTokens: 262144, free: false },
    ],
  },
  {
    id: "qwen/qwen3-coder",
    name: "Qwen: Qwen3 Coder 480B A35B",
    contextLength: 262144,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "qwen/qwen3-coder", prompt: "0.0000003", completion: "0.000001", cachedPrompt: "0.0000001", contextLength: 262144, maxOutputTokens: 65536, free: false },
      { provider: "together", upstreamId: "Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8", prompt: "0.000002", completion: "0.000002", contextLength: 256000, maxOutputTokens: null, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/qwen3-coder-480b-a35b-instruct", prompt: "0.00000045", completion: "0.0000018", contextLength: 262144, maxOutputTokens: 262144, free: false },
    ],
  },
  {
    id: "qwen/qwen3-next-80b-a3b-instruct",
    name: "Qwen: Qwen3 Next 80B A3B Instruct",
    contextLength: 262144,
    maxOutputTokens: 262144,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "qwen/qwen3-next-80b-a3b-instruct", prompt: "0.0000001", completion: "0.0000011", cachedPrompt: "0.00000007", contextLength: 262144, maxOutputTokens: 262144, free: false },
      { provider: "together", upstreamId: "Qwen/Qwen3-Next-80B-A3B-Instruct", prompt: "0.00000015", completion: "0.0000015", contextLength: 262144, maxOutputTokens: null, free: false },
    ],
  },
  {
    id: "qwen/qwen3-max",
    name: "Qwen: Qwen3 Max",
    contextLength: 262144,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logprobs", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "qwen/qwen3-max", prompt: "0.00000078", completion: "0.0000039", cachedPrompt: "0.000000156", contextLength: 262144, maxOutputTokens: 65536, free: false },
    ],
  },
  {
    id: "qwen/qwen3.6-plus",
    name: "Qwen: Qwen3.6 Plus",
    contextLength: 1000000,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logprobs", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "qwen/qwen3.6-plus", prompt: "0.000000325", completion: "0.00000195", contextLength: 1000000, maxOutputTokens: 65536, free: false },
    ],
  },
];
