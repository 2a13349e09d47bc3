"use client";
// How to use a key: the openai SDK pointed at this server's /api/v1.
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";

const subscribe = () => () => {};

/** The address the browser reached us at; a placeholder while rendering on the server. */
function useOrigin(): string {
  return useSyncExternalStore(subscribe, () => window.location.origin, () => "http://localhost:3000");
}

export function ApiKeySnippet() {
  const origin = useOrigin();
  const snippet = `import OpenAI from "openai";

const client = new OpenAI({
  baseURL: "${origin}/api/v1",
  apiKey: process.env.SWITCHYARD_API_KEY, // sk-sy-v1-…
});

const completion = await client.chat.completions.create({
  model: "sandbox/swift-mini", // any model id from the Models page
  messages: [{ role: "user", content: "Hello!" }],
});
console.log(completion.choices[0].message.content);`;
  return (
    <figure className="overflow-hidden rounded-2xl border border-zinc-200 dark:border-zinc-800">
      <figcaption className="flex items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        <span>Use a key with the openai SDK (Node)</span>
        <CopyButton text={snippet} label="Copy code example" />
      </figcaption>
      <pre className="overflow-x-auto bg-white p-3 font-mono text-[12px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
        <code>{snippet}</code>
      </pre>
    </figure>
  );
}
