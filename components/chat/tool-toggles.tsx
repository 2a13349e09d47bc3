"use client";
import { memo } from "react";
import { CHAT_TOOL_INFO } from "@/lib/tools/tool-info";

interface Props {
  enabled: readonly string[];
  onChange: (tools: string[]) => void;
  disabled?: boolean;
}

/** The built-in tools models may call in this conversation; models without tool support ignore them. */
export const ToolToggles = memo(function ToolToggles({ enabled, onChange, disabled }: Props) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-300" disabled={disabled}>
      <legend className="float-left mr-1 font-medium text-zinc-600 dark:text-zinc-400">Tools</legend>
      {CHAT_TOOL_INFO.map((tool) => (
        <label key={tool.name} className="inline-flex cursor-pointer items-center gap-1" title={tool.description}>
          <input
            type="checkbox"
            className="size-3.5 accent-indigo-600"
            checked={enabled.includes(tool.name)}
            onChange={(e) => onChange(e.target.checked ? [...enabled, tool.name] : enabled.filter((name) => name !== tool.name))}
          />
          {tool.label}
        </label>
      ))}
    </fieldset>
  );
});
