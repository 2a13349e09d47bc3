// The names an answer could give itself away by: every catalog model's name and family ("GPT-4o",
// "GPT"; "Gemini 2.5 Flash", "Gemini") and every maker ("OpenAI", "Google DeepMind"). Built from
// the catalog the caller passes (lib/catalog's listCatalogModels(), plus the sandbox's models), so
// a newly listed model is covered without a code change.

export interface IdentityTerm {
  /** As written for people, e.g. "GPT-4o", "Mistral AI". */
  term: string;
  /** The maker it belongs to, e.g. "OpenAI"; null when unknown (a self-hosted model). */
  vendor: string | null;
}

export interface IdentityTerms {
  models: IdentityTerm[];
  vendors: IdentityTerm[];
}

/** Other names makers go by, keyed by the catalog's author slug (the part of the id before "/"). */
const VENDOR_ALIASES: Readonly<Record<string, readonly string[]>> = {
  openai: ["OpenAI"],
  google: ["Google", "Google DeepMind", "DeepMind"],
  "meta-llama": ["Meta", "Meta AI", "Facebook"],
  mistralai: ["Mistral AI", "Mistral"],
  deepseek: ["DeepSeek"],
  qwen: ["Qwen", "Alibaba", "Alibaba Cloud", "Qwen Team"],
  moonshotai: ["Moonshot AI"],
  "z-ai": ["Z.ai", "Zhipu", "Zhipu AI"],
  nvidia: ["NVIDIA"],
  anthropic: ["Anthropic"],
  "x-ai": ["xAI"],
  microsoft: ["Microsoft"],
};

/**
 * Assistants answers claim to be even when the catalog does not list them (open models trained on
 * their transcripts often say "I'm ChatGPT" or "I'm Claude"); such a claim sways a blind vote as
 * much as a true one.
 */
const WELL_KNOWN_MODELS: readonly IdentityTerm[] = [
  { term: "Claude", vendor: "Anthropic" },
  { term: "ChatGPT", vendor: "OpenAI" },
  { term: "Grok", vendor: "xAI" },
  { term: "Bard", vendor: "Google" },
  { term: "Copilot", vendor: "Microsoft" },
];

/**
 * `models` are catalog-shaped: id "author/slug" and name "Vendor: Model (variant)"; a name without
 * a "Vendor: " prefix (the sandbox's "Swift Mini (simulated)") contributes only its whole name,
 * since its first word may be an ordinary one ("Swift").
 */
export function buildIdentityTerms(models: readonly { id: string; name: string }[], options: { wellKnown?: boolean } = {}): IdentityTerms {
  const modelTerms = new Map<string, IdentityTerm>();
  const vendorTerms = new Map<string, IdentityTerm>();
  const addModel = (term: string, vendor: string | null) => {
    if (term.length >= 2 && !modelTerms.has(term.toLowerCase())) modelTerms.set(term.toLowerCase(), { term, vendor });
  };
  const addVendor = (term: string, vendor: string) => {
    if (!vendorTerms.has(term.toLowerCase())) vendorTerms.set(term.toLowerCase(), { term, vendor });
  };
  /** The maker's name as the catalog writes it, per author slug. */
  const slugs = new Map<string, string>();
  for (const model of models) {
    const slug = model.id.includes("/") ? model.id.split("/")[0].toLowerCase() : "";
    const colon = model.name.indexOf(": ");
    const prefix = colon > 0 ? model.name.slice(0, colon).trim() : null;
    const modelName = (colon > 0 ? model.name.slice(colon + 2) : model.name).replace(/\s*\([^)]*\)/g, "").trim();
    const vendor = prefix ?? VENDOR_ALIASES[slug]?.[0] ?? null;
    addModel(modelName, vendor);
    if (prefix) {
      addModel(familyOf(modelName), vendor);
      addVendor(prefix, prefix);
    }
    if (slug && vendor && !slugs.has(slug)) slugs.set(slug, vendor);
  }
  for (const [slug, vendor] of slugs) for (const alias of VENDOR_ALIASES[slug] ?? []) addVendor(alias, vendor);
  if (options.wellKnown ?? true) {
    for (const known of WELL_KNOWN_MODELS) {
      addModel(known.term, known.vendor);
      if (known.vendor) addVendor(known.vendor, known.vendor);
    }
  }
  return { models: [...modelTerms.values()], vendors: [...vendorTerms.values()] };
}

/** "GPT-4o" → "GPT", "Qwen3 32B" → "Qwen", "Gemini 2.5 Flash" → "Gemini", "o3 Mini" → "o3". */
function familyOf(modelName: string): string {
  const first = modelName.split(/\s+/)[0];
  return /^([a-z]{3,})[\d\-.]/i.exec(first)?.[1] ?? first;
}
