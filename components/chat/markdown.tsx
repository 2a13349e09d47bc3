"use client";
// Model output is untrusted. react-markdown without rehype-raw never renders raw HTML (it
// shows as text), links keep only http(s) and mailto, and remote images are not loaded
// (a tracking pixel in an answer would otherwise phone home): they become links.
import { memo } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeUrl } from "@/lib/chat/client/safe-url";
import { CodeBlock } from "./code-block";
import "./markdown.css";


type HastNode = { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

function textOf(node: HastNode | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function languageOf(node: HastNode | undefined): string | null {
  const classes = node?.properties?.className;
  const list = Array.isArray(classes) ? classes : typeof classes === "string" ? classes.split(" ") : [];
  const match = list.map(String).find((c) => c.startsWith("language-"));
  return match ? match.slice("language-".length).toLowerCase() : null;
}

const components: Components = {
  pre({ node }) {
    const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === "code");
    return <CodeBlock code={textOf(code).replace(/\n$/, "")} language={languageOf(code)} />;
  },
  a({ href, children }) {
    if (!href) return <span>{children}</span>;
    return (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  img({ src, alt }) {
    const href = typeof src === "string" ? safeUrl(src) : "";
    const label = `Image: ${alt || "untitled"}`;
    return href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        [{label}]
      </a>
    ) : (
      <span>[{label}]</span>
    );
  },
  table({ children }) {
    return (
      <div className="md-table">
        <table>{children}</table>
      </div>
    );
  },
};

const plugins = [remarkGfm];

/** One markdown document; memoised by its text, so unchanged answers never re-parse. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={plugins} components={components} urlTransform={safeUrl}>
      {text}
    </ReactMarkdown>
  );
});
