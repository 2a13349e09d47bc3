// Google's Gemini models on the Gemini API's OpenAI-compatible endpoint, and on OpenRouter; Gemma via OpenRouter.
// Prices are the paid tier. The Gemini API also has a rate-limited free tier for some models (see the gemini
// preset's freeTier); that is a quota on the same endpoint, not a separate endpoint with its own price.
// Gemini 2.5 Pro charges more above 200K prompt tokens; the rows carry the base (<=200K) price.
// gemini-2.0-flash and gemini-2.0-flash-lite are absent on purpose: Google shut them down on 2026-06-01.
import type { CatalogModel } from "../types";

export const GOOGLE_MODELS: CatalogModel[] = [
  {
    id: "google/gemini-2.5-flash",
    name: "Google: Gemini 2.5 Flash",
    contextLength: 1048576,
    maxOutputTokens: 65535,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-2.5-flash", prompt: "0.0000003", completion: "0.0000025", cachedPrompt: "0.00000003", contextLength: 1048576, maxOutputTokens: 65535, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-2.5-flash", prompt: "0.0000003", completion: "0.0000025", cachedPrompt: "0.00000003", contextLength: 1048576, maxOutputTokens: 65535, free: false },
    ],
  },
  {
    id: "google/gemini-2.5-flash-lite",
    name: "Google: Gemini 2.5 Flash Lite",
    contextLength: 1048576,
    maxOutputTokens: 65535,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-2.5-flash-lite", prompt: "0.0000001", completion: "0.0000004", cachedPrompt: "0.00000001", contextLength: 1048576, maxOutputTokens: 65535, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-2.5-flash-lite", prompt: "0.0000001", completion: "0.0000004", cachedPrompt: "0.00000001", contextLength: 1048576, maxOutputTokens: 65535, free: false },
    ],
  },
  {
    id: "google/gemini-2.5-pro",
    name: "Google: Gemini 2.5 Pro",
    contextLength: 1048576,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-2.5-pro", prompt: "0.00000125", completion: "0.00001", cachedPrompt: "0.000000125", contextLength: 1048576, maxOutputTokens: 65535, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-2.5-pro", prompt: "0.00000125", completion: "0.00001", cachedPrompt: "0.000000125", contextLength: 1048576, maxOutputTokens: 65536, free: false },
    ],
  },
  {
    id: "google/gemini-3-flash-preview",
    name: "Google: Gemini 3 Flash Preview",
    contextLength: 1048576,
    maxOutputTokens: 65535,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-3-flash-preview", prompt: "0.0000005", completion: "0.000003", cachedPrompt: "0.00000005", contextLength: 1048576, maxOutputTokens: 65535, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-3-flash-preview", prompt: "0.0000005", completion: "0.000003", cachedPrompt: "0.00000005", contextLength: 1048576, maxOutputTokens: 65535, free: false },
    ],
  },
  {
    id: "google/gemini-3.1-pro-preview",
    name: "Google: Gemini 3.1 Pro Preview",
    contextLength: 1048576,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-3.1-pro-preview", prompt: "0.000002", completion: "0.000012", cachedPrompt: "0.0000002", contextLength: 1048576, maxOutputTokens: 65536, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-3.1-pro-preview", prompt: "0.000002", completion: "0.000012", cachedPrompt: "0.0000002", contextLength: 1048576, maxOutputTokens: 65536, free: false },
    ],
  },
  {
    id: "google/gemini-3.1-flash-lite",
    name: "Google: Gemini 3.1 Flash Lite",
    contextLength: 1048576,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-3.1-flash-lite", prompt: "0.00000025", completion: "0.0000015", cachedPrompt: "0.000000025", contextLength: 1048576, maxOutputTokens: 65536, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-3.1-flash-lite", prompt: "0.00000025", completion: "0.0000015", cachedPrompt: "0.000000025", contextLength: 1048576, maxOutputTokens: 65536, free: false },
    ],
  },
  {
    id: "google/gemini-3.5-flash",
    name: "Google: Gemini 3.5 Flash",
    contextLength: 1048576,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-3.5-flash", prompt: "0.0000015", completion: "0.000009", cachedPrompt: "0.00000015", contextLength: 1048576, maxOutputTokens: 65535, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-3.5-flash", prompt: "0.0000015", completion: "0.000009", cachedPrompt: "0.00000015", contextLength: 1048576, maxOutputTokens: 65536, free: false },
    ],
  },
  {
    id: "google/gemini-3.5-flash-lite",
    name: "Google: Gemini 3.5 Flash Lite",
    contextLength: 1048576,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-3.5-flash-lite", prompt: "0.0000003", completion: "0.0000025", cachedPrompt: "0.00000003", contextLength: 1048576, maxOutputTokens: 65536, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-3.5-flash-lite", prompt: "0.0000003", completion: "0.0000025", cachedPrompt: "0.00000003", contextLength: 1048576, maxOutputTokens: 65536, free: false },
    ],
  },
  {
    id: "google/gemini-3.6-flash",
    name: "Google: Gemini 3.6 Flash",
    contextLength: 1048576,
    maxOutputTokens: 65536,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "gemini", upstreamId: "gemini-3.6-flash", prompt: "0.0000015", completion: "0.0000075", cachedPrompt: "0.00000015", contextLength: 1048576, maxOutputTokens: 65536, free: false },
      { provider: "openrouter", upstreamId: "google/gemini-3.6-flash", prompt: "0.0000015", completion: "0.0000075", cachedPrompt: "0.00000015", contextLength: 1048576, maxOutputTokens: 65536, free: false },
    ],
  },
  {
    id: "google/gemma-4-31b-it",
    name: "Google: Gemma 4 31B",
    contextLength: 262144,
    maxOutputTokens: 262144,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_a", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "google/gemma-4-31b-it", prompt: "0.0000001", completion: "0.00000034", cachedPrompt: "0.0000001", contextLength: 262144, maxOutputTokens: 262144, free: false },
    ],
  },
  {
    id: "google/gemma-4-31b-it:free",
    name: "Google: Gemma 4 31B (free)",
    contextLength: 262144,
    maxOutputTokens: 32768,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "temperature", "tool_choice", "tools", "top_p"],
    free: true,
    endpoints: [
      { provider: "openrouter", upstreamId: "google/gemma-4-31b-it:free", prompt: "0", completion: "0", contextLength: 262144, maxOutputTokens: 32768, free: true },
    ],
  },
];
