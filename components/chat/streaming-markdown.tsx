"use client";
import { memo, useMemo } from "react";
import { splitMarkdownBlocks } from "@/lib/chat/client/split-markdown";
import { Markdown } from "./markdown";

/**
 * While an answer streams, it is split into blocks and only the last one (still growing)
 * re-parses per frame. Once done, the whole text renders as one document, once.
 */
export const StreamingMarkdown = memo(function StreamingMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  const blocks = useMemo(() => (streaming ? splitMarkdownBlocks(text) : null), [text, streaming]);
  return (
    <div className="md">
      {blocks ? blocks.map((block, i) => <Markdown key={i} text={block} />) : <Markdown text={text} />}
    </div>
  );
});
