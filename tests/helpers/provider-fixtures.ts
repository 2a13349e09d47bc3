// The recorded-shape provider streams (tests/fixtures/provider-streams) and what each holds.
import fs from "node:fs";
import path from "node:path";

const dir = path.join(__dirname, "..", "fixtures", "provider-streams");

export const FIXTURES = ["openai", "openrouter", "openrouter-cache", "openrouter-error", "gemini", "groq", "ollama", "deepseek", "python-spaced"] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function fixtureBytes(name: FixtureName): Buffer {
  return fs.readFileSync(path.join(dir, `${name}.sse`));
}
