// Code blocks for answers. {camel}, {snake} and {Pascal} are names built from the prompt's
// key words so the code visibly belongs to the question.

export const CODE_SAMPLES: Record<string, readonly string[]> = {
  typescript: [
    `/** Returns the index of \`query\` in sorted \`items\`, or -1. */
export function {camel}(items: readonly string[], query: string): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid] === query) return mid;
    if (items[mid] < query) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

console.log({camel}(["alpha", "beta", "gamma"], "beta")); // 1`,
    `type {Pascal}Options = { limit: number; verbose?: boolean };

export async function {camel}(input: string[], options: {Pascal}Options): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const item of input.slice(0, options.limit)) {
    counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  if (options.verbose) console.log(\`{camel}: \${counts.size} distinct items\`);
  return counts;
}`,
  ],
  javascript: [
    `function {camel}(values) {
  const seen = new Set();
  return values.filter((value) => {
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

console.log({camel}([3, 1, 3, 2, 1])); // [3, 1, 2]`,
  ],
  python: [
    `from dataclasses import dataclass


@dataclass
class {Pascal}:
    name: str
    weight: float = 1.0

    def score(self, factor: float) -> float:
        return round(self.weight * factor, 2)


items = [{Pascal}("first", 0.5), {Pascal}("second", 2.0)]
print(sorted(item.score(3) for item in items))`,
    `def {snake}(values: list[int]) -> dict[str, float]:
    """Summarise a list of numbers."""
    if not values:
        return {"count": 0, "mean": 0.0}
    total = sum(values)
    return {"count": len(values), "mean": total / len(values), "max": max(values)}


print({snake}([4, 8, 15, 16, 23, 42]))`,
  ],
  rust: [
    `fn {snake}(values: &[i64]) -> Option<i64> {
    values.iter().copied().max()
}

fn main() {
    let data = vec![3, 9, 4];
    match {snake}(&data) {
        Some(max) => println!("max = {max}"),
        None => println!("empty"),
    }
}`,
  ],
  go: [
    `package main

import "fmt"

func {camel}(words []string) map[string]int {
	counts := make(map[string]int)
	for _, w := range words {
		counts[w]++
	}
	return counts
}

func main() {
	fmt.Println({camel}([]string{"a", "b", "a"}))
}`,
  ],
  sql: [
    `SELECT category,
       COUNT(*)        AS total,
       AVG(price)      AS average_price
FROM {snake}
WHERE created_at >= DATE '2024-01-01'
GROUP BY category
ORDER BY total DESC
LIMIT 10;`,
  ],
  bash: [
    `#!/usr/bin/env bash
set -euo pipefail

# {snake}: count lines in every matching file
for file in ./*.log; do
  printf '%s\\t%s\\n' "$(wc -l < "$file")" "$file"
done | sort -rn | head -n 5`,
  ],
};

const LANGUAGE_HINTS: [RegExp, string][] = [
  [/\bpython\b|\bpandas\b|\bdjango\b/i, "python"],
  [/\btypescript\b|\bts\b|\breact\b|\bnext\.?js\b/i, "typescript"],
  [/\bjavascript\b|\bjs\b|\bnode\b/i, "javascript"],
  [/\brust\b|\bcargo\b/i, "rust"],
  [/\bgolang\b|\bgo\b/i, "go"],
  [/\bsql\b|\bquery\b|\bpostgres\w*\b|\bsqlite\b/i, "sql"],
  [/\bbash\b|\bshell\b|\bscript\b/i, "bash"],
];

/** The language the prompt asks for, if it names one. */
export function languageFromPrompt(text: string): string | undefined {
  return LANGUAGE_HINTS.find(([pattern]) => pattern.test(text))?.[1];
}
