// JSON shapes of the chatroom's REST API, shared by route handlers and the browser.
import type { AttachmentDto } from "../attachments/attachment-types";
import type { ColumnStats } from "../streaming/events";
import type { ToolTraceEntry } from "../tools/trace";

export interface ModelOption {
  /** `provider/model`, e.g. "sandbox/swift-mini" or "openrouter/meta-llama/llama-3.3-70b-instruct:free". */
  id: string;
  name: string;
  provider: string;
  providerLabel: string;
  simulated: boolean;
  /** USD per million tokens, exact decimal strings ("0.075"); null when unknown. */
  promptPricePerMillion: string | null;
  completionPricePerMillion: string | null;
  contextLength: number | null;
  maxOutputTokens: number | null;
  free: boolean;
  /** Per-column parameters (temperature, top_p, stop, reasoning) this model does not take. */
  unsupportedParameters?: string[];
  /** Takes images (the catalog's input modalities); null when unknown. */
  vision?: boolean | null;
  /** Set when the option is a saved preset ("@preset/<slug>"): its models, first to last fallback. */
  preset?: { slug: string; models: string[]; team: boolean };
}

export type ReasoningEffort = "minimal" | "low" | "medium" | "high";

export interface ColumnSettings {
  modelId: string;
  temperature?: number | null;
  maxTokens?: number | null;
  systemPrompt?: string | null;
  topP?: number | null;
  /** Up to four stop sequences. */
  stop?: string[] | null;
  reasoningEffort?: ReasoningEffort | null;
}

export interface ColumnDto extends Required<Pick<ColumnSettings, "modelId" | "temperature" | "maxTokens" | "systemPrompt">>, Pick<ColumnSettings, "topP" | "stop" | "reasoningEffort"> {
  id: string;
  position: number;
  /** The model's display name, even when no configured provider serves it any more. */
  label?: { name: string; providerLabel: string; simulated: boolean };
  /** False: no configured provider serves the model now ("model unavailable"). */
  available?: boolean;
}

export interface MessageDto {
  id: string;
  columnId: string | null;
  turn: number;
  /** "fusion": a fused answer (no column), merging the turn's answers. */
  role: "user" | "assistant" | "fusion";
  /** The prompt before it on its branch (for a prompt), or its prompt (for an answer). */
  parentId?: string | null;
  /** Its siblings, oldest first: a prompt's edited versions (branches), an answer's regenerations. */
  versions?: string[];
  /** On a prompt: the answer every column continues from; null: each column its own. */
  sharedAnswerId?: string | null;
  modelId?: string | null;
  content: string;
  reasoning: string;
  status: "streaming" | "done" | "stopped" | "error";
  stats: ColumnStats | null;
  /** The built-in tools this answer called, with their results, in order. */
  toolTrace?: ToolTraceEntry[];
  /**
   * Copied in from an exported file: it made no call here and has no ledger row (its stats
   * cost is $0); `costPico` is what it cost where it was exported.
   */
  imported?: { costPico: string };
  /** A prompt's images and text files (user messages only). */
  attachments?: AttachmentDto[];
  createdAt: string;
}

export interface ConversationSummaryDto {
  id: string;
  title: string;
  updatedAt: string;
  /** Picodollars as a decimal string. */
  costPico: string;
  /** A blind comparison (the arena); `hidden` until a turn is voted on: models, providers and costs withheld. */
  blind?: { hidden: boolean };
  /** Only in search results: where in a prompt or answer the words were found. */
  snippet?: string;
}

export interface ConversationDto extends ConversationSummaryDto {
  columns: ColumnDto[];
  /** Names of the built-in tools switched on (lib/tools/registry.ts). */
  enabledTools?: string[];
  messages: MessageDto[];
}

export interface ProviderStatusDto {
  id: string;
  label: string;
  kind: "preset" | "custom" | "sandbox";
  configured: boolean;
  simulated: boolean;
  baseUrl: string;
  /** Name of the env var that configures it, for the settings page's hint. */
  envVar: string | null;
  /** The variable a key from the environment comes from. */
  keyEnvVar: string | null;
  modelCount: number;
  /** Where the provider is defined: built in (presets, sandbox), the environment, or Settings. */
  source: "builtin" | "env" | "settings";
  needsKey: boolean;
  /** Where the key in use comes from; the environment wins over a key saved in Settings. */
  keySource: "env" | "settings" | null;
  /** The end of the key in use, like "…a1b2" (never the key itself); null when there is none or it is too short. */
  keyHint: string | null;
  /** A key saved in Settings (possibly overridden by the environment), or why it cannot be decrypted. */
  storedKey: { hint: string | null; error: string | null } | null;
  baseUrlSource: "env" | "settings" | "default";
  /** A base URL override saved in Settings (possibly overridden by the environment). */
  storedBaseUrl: string | null;
  /** Why the saved base URL is not in use: the environment's base URL wins, or the environment's key
   * is in use, and a key from the environment only goes to the environment's or the default base URL. */
  storedBaseUrlUnused: "env-base-url" | "env-key" | null;
  /** Model ids given by configuration (custom providers); null when they are discovered. */
  listedModels: string[] | null;
  /** The last check in this server process (Check, or saving a key); null when none ran since. */
  lastCheck?: (ProviderCheckDto & { at: string }) | null;
}

export interface ProviderCheckDto {
  id: string;
  ok: boolean;
  latencyMs: number | null;
  modelCount: number | null;
  error: string | null;
}

/** Request bodies. */
export interface ChatRequestBody {
  /** Absent: a new conversation with `columns`. */
  conversationId?: string;
  prompt: string;
  /** Required for a new conversation; for an existing one, replaces its column settings. */
  columns?: ColumnSettings[];
  /** Names of the built-in tools to switch on; absent keeps the conversation's choice. */
  tools?: string[];
  /** A prompt of the conversation to edit: the new prompt starts a branch beside it. */
  editOf?: string;
  /** Start a blind comparison: `columns` (shuffled), or `random` models from a pool. */
  blind?: boolean;
  random?: { count: number; pool?: string[] };
  /** Ids of uploads (POST /api/attachments) sent with this prompt. */
  attachments?: string[];
}
