import { describe, expect, it } from "vitest";
import { parsePrompts } from "@/lib/evals/parse-prompts";

describe("prompts from pasted text and files", () => {
  it("takes one prompt per line", () => {
    expect(parsePrompts("What is 2+2?\n\n  Name a colour  \r\n")).toEqual(["What is 2+2?", "Name a colour"]);
  });

  it("reads JSON Lines with prompt (or input/question) fields, or strings", () => {
    expect(parsePrompts('{"prompt":"a"}\n{"input":"b"}\n"c"\n{"question":"d"}', "set.jsonl")).toEqual(["a", "b", "c", "d"]);
    expect(() => parsePrompts('{"text":"a"}', "set.jsonl")).toThrow(/no "prompt"/);
  });

  it("reads CSV by its prompt column, with quoted commas, quotes and line breaks", () => {
    const csv = 'id,prompt\n1,"Hello, world"\n2,"Say ""hi""\nthen stop"\n3,\n';
    expect(parsePrompts(csv, "set.csv")).toEqual(["Hello, world", 'Say "hi"\nthen stop']);
    expect(parsePrompts("first\nsecond", "plain.csv")).toEqual(["first", "second"]);
  });
});
