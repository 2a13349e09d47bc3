// Spots an arithmetic expression in a question ("what is 12*7+3?") and evaluates it with a
// tiny parser, so tool calls and their follow-up answers carry real numbers (no eval).

const EXPRESSION = /[-(]*\d+(?:\.\d+)?(?:\s*[-+*/x×÷^%]\s*[-(]*\d+(?:\.\d+)?\)*)+\)*/;

/** The first expression with at least one operator, normalised to ASCII operators. */
export function findExpression(text: string): string | undefined {
  const match = EXPRESSION.exec(text);
  if (!match) return undefined;
  return match[0].replace(/[x×]/g, "*").replace(/÷/g, "/").replace(/\s+/g, "");
}

/** Evaluates + - * / % ^ and parentheses; undefined when the expression does not parse. */
export function evaluateExpression(expression: string): number | undefined {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/%^()]/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  function primary(): number {
    const token = next();
    if (token === "(") {
      const value = sum();
      if (next() !== ")") throw new Error("unbalanced");
      return value;
    }
    if (token === "-") return -primary();
    if (token === undefined || !/^\d/.test(token)) throw new Error("number expected");
    return Number(token);
  }
  function power(): number {
    const base = primary();
    if (peek() === "^") {
      next();
      return base ** power();
    }
    return base;
  }
  function product(): number {
    let value = power();
    while (peek() === "*" || peek() === "/" || peek() === "%") {
      const op = next();
      const right = power();
      value = op === "*" ? value * right : op === "/" ? value / right : value % right;
    }
    return value;
  }
  function sum(): number {
    let value = product();
    while (peek() === "+" || peek() === "-") {
      const op = next();
      const right = product();
      value = op === "+" ? value + right : value - right;
    }
    return value;
  }

  try {
    const value = sum();
    if (position !== tokens.length || !Number.isFinite(value)) return undefined;
    return Math.round(value * 1e10) / 1e10;
  } catch {
    return undefined;
  }
}
