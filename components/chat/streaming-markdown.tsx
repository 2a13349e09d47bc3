"use client";
import { memo, useMemo } from "react";
import { splitMarkdownBlocks } from "@/lib/chat/client/split-markdown";
import { Markdown } from "./markdown";

/**
 * An answer renders as its top-level blocks, each memoised by its text: while it streams only
 * the last block (still growing) re-parses per frame, and when it ends nothing re-parses —
 * rendering the whole text anew then made one long task as eight columns finished together.
 */
export const StreamingMarkdown = memo(function StreamingMarkdown({ text }: { text: string; streaming: boolean }) {
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text]);
  return (
    <div className="md">
      {blocks.map((block, i) => (
        <Markdown key={i} text={block} />
      ))}
    </div>
  );
});
