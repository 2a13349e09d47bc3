// Does an answer give away which model wrote it? A blind vote is only blind if no answer says
// "As Claude, …", "I'm GPT-4o" or "I was trained by Google". Any such claim flags the vote (even a
// false one: "I'm ChatGPT" from another model sways the voter all the same).
//
// A name alone is not a claim: answers talk about models and companies all the time ("Google it",
// "Gemini is visible in winter", "GPT-4o is faster than Llama"). So a name counts only in a
// first-person frame:
//   - "I am / I'm / I was / my name is / call me" + AI-describing words + a model name
//     ("I'm an AI assistant called Claude", "I am OpenAI's GPT-4o", "I'm based on Llama");
//   - the same frame ending in "by/from <maker>" or "<maker>'s model" ("I'm a large language
//     model, trained by Google"; "made by Google" without the "I" is about something else);
//   - "As <model>" or "As an AI made by <maker>", followed by a comma and the answer speaking
//     as "I/my" ("As Claude, I …"; not "As Gemini rises in the east");
//   - "my creators/developers at <maker>".
// The words allowed between the frame and the name are a closed list, so "I am not sure whether
// GPT-4o …" or "I'm going to Google it" are not claims. Matching ignores case, curly quotes,
// markdown emphasis, and the spelling of separators ("GPT-4o", "gpt4o", "GPT 4o").
import type { IdentityTerm, IdentityTerms } from "./identity-terms";

export interface SelfIdentification {
  kind: "model" | "vendor";
  /** The catalog term that matched, e.g. "GPT-4o". */
  term: string;
  vendor: string | null;
  /** The words that made the claim, as found in the normalised text. */
  excerpt: string;
}

const LEAD = String.raw`(?:i\s+am|i'm|im|i\s+was|my\s+name\s+is|(?:you\s+can\s+)?call\s+me|i\s+go\s+by|i\s+identify\s+as)`;
const FILLER_WORDS = String.raw`(?:a|an|the|ai|artificial|intelligence|large|language|model|llm|assistant|chatbot|chat|bot|helpful|friendly|virtual|conversational|multimodal|generative|based|on|version|variant|of|called|named|known|as|just|actually|simply|here|trained|developed|made|created|built|designed|released|powered|fine-tuned|finetuned|by|from)`;
const GAP = String.raw`[\s,]+`;
/** A version after a family name: "llama-3", "qwen3", "gpt 4o". */
const TAIL = String.raw`(?:[\s\-_.]?\d[a-z0-9.]*)?(?![a-z0-9])`;
const FIRST_PERSON = String.raw`(?:i|i'm|i've|i'd|i'll|my|me)`;
const AI_NOUN = String.raw`(?:ai|assistant|model|language\s+model|llm|chatbot)`;

export class SelfIdentificationDetector {
  private readonly patterns: RegExp[];
  private readonly models: Map<string, IdentityTerm>;
  private readonly vendors: Map<string, IdentityTerm>;

  constructor(terms: IdentityTerms) {
    this.models = new Map(terms.models.map((t) => [key(t.term), t]));
    this.vendors = new Map(terms.vendors.map((t) => [key(t.term), t]));
    const models = alternation(terms.models);
    const vendors = alternation(terms.vendors);
    const filler = String.raw`(?:${FILLER_WORDS}|${vendors}'s|(?:by|from)\s+${vendors})`;
    const fillers = String.raw`(?:${filler}${GAP}){0,8}`;
    const modelName = String.raw`(?<model>${models})${TAIL}`;
    const byVendor = String.raw`(?:by|from)\s+(?<vendor>${vendors})(?![a-z0-9])`;
    const vendorsModel = String.raw`(?<vendor>${vendors})'s\s+${AI_NOUN}\b`;
    this.patterns = [
      new RegExp(String.raw`\b${LEAD}${GAP}${fillers}${modelName}`, "g"),
      new RegExp(String.raw`\b${LEAD}${GAP}${fillers}${byVendor}`, "g"),
      new RegExp(String.raw`\b${LEAD}${GAP}${fillers}${vendorsModel}`, "g"),
      new RegExp(String.raw`\bas\s+${fillers}(?:${modelName}|${byVendor})(?:\s*[,:;…]\s*[^.!?\n]{0,80}?\b${FIRST_PERSON}\b|\s+${FIRST_PERSON}\b)`, "g"),
      new RegExp(String.raw`\bmy\s+(?:creators?|developers?|makers?|trainers?|parent\s+company)\s+(?:at|from|is|are)\s+(?<vendor>${vendors})(?![a-z0-9])`, "g"),
    ];
  }

  /** Every claim in the text; empty when it does not name itself. */
  detect(text: string): SelfIdentification[] {
    const normalised = normalise(text);
    const found: SelfIdentification[] = [];
    for (const pattern of this.patterns) {
      for (const match of normalised.matchAll(pattern)) {
        const model = match.groups?.model;
        const vendor = match.groups?.vendor;
        const term = model !== undefined ? this.models.get(key(model)) : vendor !== undefined ? this.vendors.get(key(vendor)) : undefined;
        if (term) found.push({ kind: model !== undefined ? "model" : "vendor", term: term.term, vendor: term.vendor, excerpt: match[0] });
      }
    }
    return found;
  }

  namesItself(text: string): boolean {
    return this.detect(text).length > 0;
  }
}

/** Lower case, straight apostrophes, no markdown emphasis, single spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[*_~]+/g, "")
    .replace(/\s+/g, " ");
}

/** "GPT-4o" and "gpt 4o" and "gpt4o" are one name. */
function key(term: string): string {
  return term.toLowerCase().replace(/[\s\-_.']/g, "");
}

/** Longest first, so "gpt-4o-mini" wins over "gpt-4o" and "gpt". Empty list: an alternation that never matches. */
function alternation(terms: readonly IdentityTerm[]): string {
  const patterns = terms
    .map((t) => t.term.toLowerCase())
    .sort((a, b) => b.length - a.length)
    .map((term) =>
      term
        .split(/[\s\-_.']+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)
        .filter(Boolean)
        .map(escapeRegExp)
        .join(String.raw`[\s\-_.]?`),
    );
  return patterns.length > 0 ? `(?:${patterns.join("|")})` : "(?!)";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
