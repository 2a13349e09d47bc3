import { describe, expect, it } from "vitest";
import { classifyPrompt, PROMPT_CATEGORIES } from "@/lib/arena/classify-prompt";

describe("the automatic prompt category", () => {
  it.each([
    ["Write a Python function that returns the n-th Fibonacci number.", "code"],
    ["Why does this throw?\n```js\nconst x = undefined.foo;\n```", "code"],
    ["TypeError: Cannot read properties of undefined (reading 'map') — how do I fix it in React?", "code"],
    ["SELECT name FROM users WHERE age > 30 is slow, how can I speed it up?", "code"],
    ["What is 17 * 23?", "maths"],
    ["Find the derivative of x^3 + 2x.", "maths"],
    ["Prove that the square root of 2 is irrational.", "maths"],
    ["What is the probability of rolling two sixes?", "maths"],
    ["Translate 'good morning' into Japanese.", "translation"],
    ["How do you say 'thank you very much' in German?", "translation"],
    ["Write a haiku about autumn rain.", "writing"],
    ["Draft a polite email asking my landlord to fix the heating.", "writing"],
    ["Rewrite this paragraph to sound more formal: hey guys, meeting's moved.", "writing"],
    ["Write a poem about Python, the snake.", "writing"],
    ["What is the capital of Australia?", "general"],
    ["Recommend three books about the history of Rome.", "general"],
    ["The meeting is on 2024-05-01 at 10:30, can you remind me what to bring?", "general"],
    ["", "general"],
  ])("%j → %s", (prompt, category) => {
    expect(classifyPrompt(prompt)).toBe(category);
  });

  it("always answers one of the known categories", () => {
    for (const prompt of ["??", "1", "```", "translate", "a".repeat(10_000)]) expect(PROMPT_CATEGORIES).toContain(classifyPrompt(prompt));
  });
});
