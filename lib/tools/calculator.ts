// Exact arithmetic for models, with a small recursive-descent parser (never eval): decimals,
// + - * / % ^, parentheses and unary minus, computed on BigInt rationals.
import { z } from "zod";
import { add, divide, formatRational, multiply, parseDecimal, power, remainder, subtract, type Rational } from "./exact-decimal";
import type { ChatTool } from "./tool-definition";
import { CALCULATOR_INFO } from "./tool-info";

const MAX_LENGTH = 500;

export function evaluate(expression: string): Rational {
  const tokens = expression.replace(/[×x]/g, "*").replace(/÷/g, "/").match(/\d+(?:\.\d+)?|\.\d+|[-+*/%^()]|\S/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  function primary(): Rational {
    const token = next();
    if (token === "(") {
      const value = sum();
      if (next() !== ")") throw new Error("Missing closing parenthesis");
      return value;
    }
    if (token === "-") return subtract(parseDecimal("0"), primary());
    if (token === "+") return primary();
    if (token === undefined) throw new Error("The expression ends too early");
    if (!/^\.?\d/.test(token)) throw new Error(`Unexpected "${token}"`);
    return parseDecimal(token.startsWith(".") ? `0${token}` : token);
  }
  function exponent(): Rational {
    const base = primary();
    if (peek() !== "^") return base;
    next();
    return power(base, exponent());
  }
  function product(): Rational {
    let value = exponent();
    while (peek() === "*" || peek() === "/" || peek() === "%") {
      const op = next();
      const right = exponent();
      value = op === "*" ? multiply(value, right) : op === "/" ? divide(value, right) : remainder(value, right);
    }
    return value;
  }
  function sum(): Rational {
    let value = product();
    while (peek() === "+" || peek() === "-") {
      const op = next();
      value = op === "+" ? add(value, product()) : subtract(value, product());
    }
    return value;
  }

  if (tokens.length === 0) throw new Error("The expression is empty");
  const value = sum();
  if (position !== tokens.length) throw new Error(`Unexpected "${tokens[position]}"`);
  return value;
}

const argsSchema = z.object({ expression: z.string().min(1).max(MAX_LENGTH) });

export const calculator: ChatTool<z.infer<typeof argsSchema>> = {
  ...CALCULATOR_INFO,
  parameters: {
    type: "object",
    properties: { expression: { type: "string", description: "The expression, e.g. (12.5 + 7) * 3" } },
    required: ["expression"],
    additionalProperties: false,
  },
  args: argsSchema,
  run: ({ expression }) => formatRational(evaluate(expression)),
};
