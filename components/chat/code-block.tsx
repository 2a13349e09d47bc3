"use client";
import { memo, useMemo } from "react";
import { highlightCode } from "@/lib/chat/client/highlight";
import { CopyButton } from "@/components/ui/copy-button";

export const CodeBlock = memo(function CodeBlock({ code, language }: { code: string; language: string | null }) {
  const html = useMemo(() => highlightCode(code, language), [code, language]);
  return (
    <div className="md-code not-prose my-3 overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <span className="font-mono">{language ?? "text"}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      <pre className="overflow-x-auto p-3 text-[13px] leading-relaxed">
        {/* Safe: highlightCode escapes the model's text; see lib/chat/client/highlight.ts. */}
        <code className="hljs font-mono" dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    </div>
  );
});
