// The chatroom's built-in tools: exact arithmetic without eval, time in a zone, and the
// registry's handling of a model's (untrusted) calls.
import { describe, expect, it } from "vitest";
import { calculator, evaluate } from "@/lib/tools/calculator";
import { formatRational } from "@/lib/tools/exact-decimal";
import { formatNow } from "@/lib/tools/current-time";
import { CHAT_TOOLS, runChatTool, toolParameters } from "@/lib/tools/registry";
import { CHAT_TOOL_INFO } from "@/lib/tools/tool-info";

const calc = (expression: string) => formatRational(evaluate(expression));

describe("calculator", () => {
  it("adds decimals exactly", () => {
    expect(calc("0.1 + 0.2")).toBe("0.3");
    expect(calc("1.005 * 1000")).toBe("1005");
  });

  it("follows precedence, parentheses, powers and unary minus", () => {
    expect(calc("12*7+3")).toBe("87");
    expect(calc("(2+3)*4")).toBe("20");
    expect(calc("2^3^2")).toBe("512");
    expect(calc("-3 - -2")).toBe("-1");
    expect(calc("2^-2")).toBe("0.25");
    expect(calc("10 % 4")).toBe("2");
    expect(calc("123456789012345678901234567890 + 1")).toBe("123456789012345678901234567891");
  });

  it("gives fractions that do not end as a fraction and an approximation", () => {
    expect(calc("1/3")).toBe("1/3 ≈ 0.333333333333");
  });

  it("refuses what is not arithmetic", () => {
    expect(() => evaluate("process.exit()")).toThrow(/Unexpected/);
    expect(() => evaluate("1/0")).toThrow(/Division by zero/);
    expect(() => evaluate("(1+2")).toThrow(/parenthesis/);
    expect(calculator.run({ expression: "7 / 2" })).toBe("3.5");
  });
});

describe("current time", () => {
  it("formats a moment in the given zone", () => {
    const moment = new Date("2025-03-01T12:00:00Z");
    expect(formatNow(moment, "Asia/Tokyo")).toMatch(/1 March 2025 at 21:00:00 .*\(Asia\/Tokyo\)/);
    expect(() => formatNow(moment, "Mars/Olympus")).toThrow(/Unknown time zone/);
  });
});

describe("registry", () => {
  it("lists the tools in the order, and with the labels, the chatroom's switches show (tool-info.ts)", () => {
    expect(CHAT_TOOLS.map(({ name, label, description }) => ({ name, label, description }))).toEqual(CHAT_TOOL_INFO);
  });

  it("describes the enabled tools in OpenAI's format", () => {
    expect(toolParameters(["calculator"])).toEqual([{ type: "function", function: expect.objectContaining({ name: "calculator" }) }]);
  });

  it("runs a call, and turns bad calls into errors the model can read", () => {
    expect(runChatTool("calculator", '{"expression":"0.1+0.2"}')).toEqual({ ok: true, content: "0.3" });
    expect(runChatTool("calculator", "{not json")).toMatchObject({ ok: false, content: expect.stringMatching(/JSON/) });
    expect(runChatTool("calculator", '{"expr":"1"}')).toMatchObject({ ok: false });
    expect(runChatTool("rm", "{}")).toMatchObject({ ok: false, content: expect.stringMatching(/no tool/) });
  });
});
