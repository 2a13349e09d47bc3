// Mistral's models on La Plateforme and on OpenRouter.
// mistral-small-latest is left out of the direct rows: the sources disagree on which model it names and its price.
// Devstral 2 is not on OpenRouter's listing that day; its canonical id follows OpenRouter's pattern for Mistral.
import type { CatalogModel } from "../types";

export const MISTRAL_MODELS: CatalogModel[] = [
  {
    id: "mistralai/mistral-large-2512",
    name: "Mistral: Mistral Large 3 2512",
    contextLength: 262144,
    maxOutputTokens: null,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: false },
    supportedParameters: ["frequency_penalty", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "mistral", upstreamId: "mistral-large-latest", prompt: "0.0000005", completion: "0.0000015", contextLength: 262144, maxOutputTokens: 262144, free: false },
      { provider: "openrouter", upstreamId: "mistralai/mistral-large-2512", prompt: "0.0000005", completion: "0.0000015", cachedPrompt: "0.00000005", contextLength: 262144, maxOutputTokens: null, free: false },
    ],
  },
  {
    id: "mistralai/mistral-medium-3-5",
    name: "Mistral: Mistral Medium 3.5",
    contextLength: 262144,
    maxOutputTokens: null,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "mistral", upstreamId: "mistral-medium-latest", prompt: "0.0000015", completion: "0.0000075", contextLength: 262144, maxOutputTokens: 262144, free: false },
      { provider: "openrouter", upstreamId: "mistralai/mistral-medium-3-5", prompt: "0.0000015", completion: "0.0000075", contextLength: 262144, maxOutputTokens: null, free: false },
    ],
  },
  {
    id: "mistralai/codestral-2508",
    name: "Mistral: Codestral 2508",
    contextLength: 256000,
    maxOutputTokens: null,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "max_tokens", "prediction", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "mistral", upstreamId: "codestral-2508", prompt: "0.0000003", completion: "0.0000009", contextLength: 256000, maxOutputTokens: 256000, free: false },
      { provider: "openrouter", upstreamId: "mistralai/codestral-2508", prompt: "0.0000003", completion: "0.0000009", cachedPrompt: "0.00000003", contextLength: 256000, maxOutputTokens: null, free: false },
    ],
  },
  {
    id: "mistralai/ministral-8b-2512",
    name: "Mistral: Ministral 3 8B 2512",
    contextLength: 262144,
    maxOutputTokens: null,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: false },
    supportedParameters: ["frequency_penalty", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "mistral", upstreamId: "ministral-8b-2512", prompt: "0.00000015", completion: "0.00000015", contextLength: 262144, maxOutputTokens: 262144, free: false },
      { provider: "openrouter", upstreamId: "mistralai/ministral-8b-2512", prompt: "0.00000015", completion: "0.00000015", cachedPrompt: "0.000000015", contextLength: 262144, maxOutputTokens: null, free: false },
    ],
  },
  {
    id: "mistralai/devstral-2512",
    name: "Mistral: Devstral 2 2512",
    contextLength: 256000,
    maxOutputTokens: 256000,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["max_tokens", "response_format", "stop", "temperature", "tool_choice", "tools", "top_p"],
    free: false,
    endpoints: [
      { provider: "mistral", upstreamId: "devstral-2512", prompt: "0.0000004", completion: "0.000002", contextLength: 256000, maxOutputTokens: 256000, free: false },
    ],
  },
  {
    id: "mistralai/mistral-small-2603",
    name: "Mistral: Mistral Small 4",
    contextLength: 262144,
    maxOutputTokens: null,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: true },
    supportedParameters: ["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "reasoning_effort", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "mistralai/mistral-small-2603", prompt: "0.00000015", completion: "0.0000006", cachedPrompt: "0.000000015", contextLength: 262144, maxOutputTokens: null, free: false },
    ],
  },
  {
    id: "mistralai/mistral-small-3.2-24b-instruct",
    name: "Mistral: Mistral Small 3.2 24B",
    contextLength: 256000,
    maxOutputTokens: 16384,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: true, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "mistralai/mistral-small-3.2-24b-instruct", prompt: "0.000000075", completion: "0.0000002", contextLength: 128000, maxOutputTokens: 16384, free: false },
    ],
  },
  {
    id: "mistralai/mistral-nemo",
    name: "Mistral: Mistral Nemo",
    contextLength: 131072,
    maxOutputTokens: 16384,
    capabilities: { tools: true, streaming: true, systemRole: true, vision: false, reasoning: false },
    supportedParameters: ["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"],
    free: false,
    endpoints: [
      { provider: "openrouter", upstreamId: "mistralai/mistral-nemo", prompt: "0.000000019", completion: "0.00000003", contextLength: 131072, maxOutputTokens: 16384, free: false },
    ],
  },
];
