"use client";
import type { ToolTraceEntry } from "@/lib/tools/trace";

/** The built-in tool calls an answer made, each collapsible to its arguments and result. */
export function ToolTrace({ trace }: { trace: readonly ToolTraceEntry[] }) {
  if (trace.length === 0) return null;
  return (
    <ul aria-label="Tool calls" className="mb-2 space-y-1">
      {trace.map((call) => (
        <li key={call.id}>
          <details className="rounded-lg bg-indigo-50/70 px-2.5 py-1.5 text-xs dark:bg-indigo-950/30">
            <summary className="cursor-pointer text-indigo-900 select-none dark:text-indigo-200">
              <span className="font-medium">Tool: {call.name}</span>
              <span className="text-indigo-700/80 dark:text-indigo-300/80">
                {" → "}
                {call.result === null ? "running…" : call.ok ? call.result : "failed"}
              </span>
            </summary>
            <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-zinc-700 dark:text-zinc-300">
              <dt className="text-zinc-600 dark:text-zinc-400">Arguments</dt>
              <dd className="font-mono break-all">{call.arguments || "{}"}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">Result</dt>
              <dd className={`font-mono break-all whitespace-pre-wrap ${call.ok ? "" : "text-red-700 dark:text-red-300"}`}>{call.result ?? "…"}</dd>
            </dl>
          </details>
        </li>
      ))}
    </ul>
  );
}
