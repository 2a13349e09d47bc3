// Meta's Llama models: the same weights served by OpenRouter, Groq, Together and Fireworks.
// Together publishes no context window for its Llama 3.x Turbo models; those rows carry the model's own 131072-token window.
import type { CatalogModel } from "../types";

export const META_LLAMA_MODELS: CatalogModel[] = [
  {
    id: "meta-llama/llama-3.3-70b-instruct",
    name: "Meta: Llama 3.3 70B Instruct",
    contextLength: 131072,
    maxOutputTokens: 128000,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "meta-llama/llama-3.3-70b-instruct", prompt: "0.00000013", completion: "0.0000004", contextLength: 131072, maxOutputTokens: 128000, free: false },
      { provider: "groq", upstreamId: "llama-3.3-70b-versatile", prompt: "0.00000059", completion: "0.00000079", contextLength: 128000, maxOutputTokens: 32768, free: false },
      { provider: "together", upstreamId: "meta-llama/Llama-3.3-70B-Instruct-Turbo", prompt: "0.00000088", completion: "0.00000088", contextLength: 131072, maxOutputTokens: null, free: false },
      { provider: "fireworks", upstreamId: "accounts/fireworks/models/llama-v3p3-70b-instruct", prompt: "0.0000009", completion: "0.0000009", contextLength: 131072, maxOutputTokens: 131072, free: false },
    ],
  },
  {
    id: "meta-llama/llama-3.1-8b-instruct",
    name: "Meta: Llama 3.1 8B Instruct",
    contextLength: 131072,
    maxOutputTokens: 131072,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "meta-llama/llama-3.1-8b-instruct", prompt: "0.00000005", completion: "0.00000008", cachedPrompt: "0.000000025", contextLength: 131072, maxOutputTokens: 131072, free: false },
      { provider: "groq", upstreamId: "llama-3.1-8b-instant", prompt: "0.00000005", completion: "0.00000008", contextLength: 128000, maxOutputTokens: 8192, free: false },
      { provider: "together", upstreamId: "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", prompt: "0.00000018", completion: "0.00000018", contextLength: 131072, maxOutputTokens: null, free: false },
    ],
  },
  {
    id: "meta-llama/llama-4-scout",
    name: "Meta: Llama 4 Scout",
    contextLength: 1310720,
    maxOutputTokens: 16384,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "meta-llama/llama-4-scout", prompt: "0.0000001", completion: "0.0000003", contextLength: 327680, maxOutputTokens: 16384, free: false },
      { provider: "groq", upstreamId: "meta-llama/llama-4-scout-17b-16e-instruct", prompt: "0.00000011", completion: "0.00000034", contextLength: 131072, maxOutputTokens: 8192, free: false },
    ],
  },
  {
    id: "meta-llama/llama-4-maverick",
    name: "Meta: Llama 4 Maverick",
    contextLength: 1048576,
    maxOutputTokens: 16384,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "meta-llama/llama-4-maverick", prompt: "0.0000002", completion: "0.0000008", contextLength: 1048576, maxOutputTokens: 16384, free: false },
      { provider: "groq", upstreamId: "meta-llama/llama-4-maverick-17b-128e-instruct", prompt: "0.0000002", completion: "0.0000006", contextLength: 131072, maxOutputTokens: 8192, free: false },
    ],
  },
];
