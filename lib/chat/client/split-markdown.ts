// Splits streaming markdown into top-level blocks, so only the block still growing is
// re-parsed each frame and the finished ones above it stay memoised. A blank line ends a
// block unless it sits inside a fenced code block or the next line is indented (a list
// item's continuation, which on its own would turn into an indented code block).

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let blanks: string[] = [];
  let fence: string | null = null;

  for (const line of text.split("\n")) {
    if (fence === null && line.trim() === "") {
      if (current.length > 0) blanks.push(line);
      continue;
    }
    if (blanks.length > 0) {
      if (fence === null && !/^\s/.test(line)) {
        blocks.push(current.join("\n"));
        current = [];
      } else {
        current.push(...blanks);
      }
      blanks = [];
    }
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push(current.join("\n"));
  return blocks;
}
