import { describe, expect, it } from "vitest";
import { combineVerdicts, judgeMessages, readVerdict } from "@/lib/votes/judge-prompt";
import { arithmeticResult, judgeVerdict } from "@/lib/providers/sandbox/judge";

describe("the judge prompt", () => {
  const answers = ["**2+2 = 4**", "**2+2 = 5**", "no idea"];

  it("numbers the answers in the given order and names no model", () => {
    const [, user] = judgeMessages("What is 2+2?", answers, [2, 0, 1]);
    const text = String(user.content);
    expect(text.indexOf("no idea")).toBeLessThan(text.indexOf("= 4"));
    expect(text).toMatch(/\[Answer 1\]\nno idea\n\[Answer 2\]\n\*\*2\+2 = 4\*\*/);
  });

  it("reads the last verdict mark back to a column, through the order shown", () => {
    expect(readVerdict("Answer 1 is wrong. [[2]]", [2, 0, 1])).toBe(0);
    expect(readVerdict("first [[1]] then on reflection [[ tie ]]", [0, 1])).toBe("tie");
    expect(readVerdict("[[7]]", [0, 1])).toBeNull();
    expect(readVerdict("I cannot decide", [0, 1])).toBeNull();
  });

  it("counts a verdict only when both orders agree", () => {
    expect(combineVerdicts(1, 1)).toEqual({ kind: "best", column: 1 });
    expect(combineVerdicts(1, 0)).toEqual({ kind: "tie" });
    expect(combineVerdicts("tie", "tie")).toEqual({ kind: "tie" });
    expect(combineVerdicts(null, 1)).toEqual({ kind: "tie" });
  });
});

describe("the sandbox's deterministic quality difference", () => {
  it("Echo Free is off by one on arithmetic; the others are right", () => {
    expect(arithmeticResult("swift-mini", "What is 12*7+3?")).toEqual({ expression: "12*7+3", value: 87 });
    expect(arithmeticResult("echo-free", "What is 12*7+3?")).toEqual({ expression: "12*7+3", value: 88 });
  });

  it("as a judge, picks the answer whose arithmetic is right in either order, else calls a tie", () => {
    const right = "Sure.\n\n**12*7+3 = 87**";
    const wrong = "Sure.\n\n**12*7+3 = 88**";
    const ask = (order: number[]) => String(judgeMessages("What is 12*7+3?", [right, wrong], order)[1].content);
    expect(readVerdict(judgeVerdict(ask([0, 1]))!, [0, 1])).toBe(0);
    expect(readVerdict(judgeVerdict(ask([1, 0]))!, [1, 0])).toBe(0);
    expect(judgeVerdict(String(judgeMessages("Write a poem", ["a", "b"], [0, 1])[1].content))).toMatch(/\[\[tie\]\]$/);
    expect(judgeVerdict("What is 2+2?")).toBeUndefined();
  });
});
