// Wording the answer generator draws from. Placeholders: {topic} (the prompt's key words),
// {Topic} (capitalised), {kw}/{kw2} (single key words), {Kw} (capitalised key word).

export const INTROS = [
  "Here's a clear overview of {topic}.",
  "Good question. {Topic} comes down to a few ideas that fit together nicely.",
  "In short, {topic} is about how {kw} and {kw2} work together.",
  "Let's look at {topic} step by step.",
  "{Topic} is easier to reason about once you separate the moving parts.",
  "Sure! Here is how I would think about {topic}.",
];

export const SENTENCES = [
  "The key idea is that {kw} gives you a predictable structure, which makes {kw2} easier to handle.",
  "Most practical uses of {topic} start small and grow only when the simple version stops being enough.",
  "A common mistake is to treat {kw} as an afterthought; it usually shapes everything else.",
  "When {kw2} changes, {kw} often has to change with it, so keep the two close together.",
  "It helps to measure before optimising: the slow part of {topic} is rarely where you expect.",
  "In practice, {topic} works best with clear inputs, clear outputs and as little hidden state as possible.",
  "You can think of {kw} as the contract and {kw2} as one way of fulfilling it.",
  "The trade-off is usually between simplicity and flexibility, and {topic} is no exception.",
  "Edge cases matter here: empty inputs, very large inputs and duplicates all deserve a test.",
  "If you only remember one thing, remember that {kw} is a means, not the goal.",
  "Teams that get {topic} right tend to write down their assumptions about {kw2} early.",
  "A small, working example of {kw} teaches more than a long description of it.",
  "The cost of {topic} grows with the size of the problem, so it pays to know which regime you are in.",
  "Good names go a long way: call things by what {kw} means to the reader, not how it is built.",
  "Keep the happy path obvious and push the special handling of {kw2} to the edges.",
  "Finally, revisit the design of {topic} once real usage data comes in.",
];

export const LIST_ITEMS = [
  "**{Kw}**: start with the simplest version that works.",
  "**Inputs**: validate them where they enter, not deep inside.",
  "**{Kw2}**: keep it explicit so it is easy to test.",
  "**Performance**: measure first; {kw} is rarely the bottleneck.",
  "**Errors**: fail loudly and early with a readable message.",
  "**Testing**: cover the empty, the typical and the extreme case.",
  "**Naming**: describe what {kw} does, not how.",
  "**Documentation**: one short example beats a page of prose.",
  "**Trade-offs**: write down why you chose this approach to {topic}.",
  "**Maintenance**: prefer boring, well-known tools.",
];

export const STEPS = [
  "Define what {topic} has to achieve and how you will know it works.",
  "Identify the role of {kw} and what it depends on.",
  "Sketch the simplest approach and check it against an example.",
  "Handle the edge cases around {kw2}.",
  "Measure, then refine only what the numbers point to.",
  "Summarise the result and the trade-offs you accepted.",
];

export const TABLE_ROWS = [
  ["Purpose", "What {kw} is for", "Start here"],
  ["Complexity", "Grows with input size", "Measure it"],
  ["Common pitfall", "Ignoring {kw2}", "Add a test"],
  ["Best practice", "Keep {kw} explicit", "Easy to review"],
  ["When to avoid", "Tiny, one-off scripts", "Simpler is fine"],
  ["Tooling", "Standard library first", "Fewer dependencies"],
];

export const CLOSINGS = [
  "Let me know if you'd like a deeper dive into {kw}.",
  "Happy to expand on any of these points.",
  "If you share more about your use case, I can tailor this to it.",
  "Want me to turn this into a fuller example?",
  "That should give you a solid starting point for {topic}.",
];

export const REASONING = [
  "The user is asking about {topic}.",
  "Let me break this down: first {kw}, then how it relates to {kw2}.",
  "I should give a direct answer first, then a concrete example.",
  "Are there edge cases worth mentioning? Empty input and very large input, probably.",
  "A short list of practical tips would make this easier to act on.",
  "Let me double-check the claim about {kw} before committing to it.",
  "I think a small table comparing the trade-offs would help.",
  "Okay, I'll structure the answer as steps and keep it focused.",
];

export const STOPWORDS = new Set(
  (
    "a an the and or but if then else of to in on at by for with about from into over under is are was were be been " +
    "being am do does did doing have has had having i me my we our you your he she it its they them their this that " +
    "these those what which who whom whose when where why how can could should would will shall may might must " +
    "please explain tell write give show describe briefly brief me some any more most very just also really " +
    "not no yes so such than too can't don't it's i'm let lets let's want need like make get one two use using " +
    "hi hello hey thanks thank okay ok another name pick"
  ).split(/\s+/),
);
