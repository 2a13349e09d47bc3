"use client";
// Swap a column's model or remove the column, in a running conversation; and "Add model"
// for a new column that starts from the conversation so far. A column whose model no
// provider serves any more says "model unavailable" with the swap one click away.
import { useCallback, useId, useRef, useState } from "react";
import { visibleName } from "@/lib/chat/client/use-models";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { SwapIcon } from "@/components/ui/icons";
import { useCourse } from "./course-context";

const menuButton = "rounded-md px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100 disabled:opacity-40 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800";

interface Props {
  /** The column's index; `columnCount` adds a column. */
  index: number;
  columnCount: number;
  modelName: string;
  currentModelId?: string;
  /** The button's caption; the menu's name says what it does. */
  caption: string;
  label: string;
  tone?: "plain" | "warning" | "icon";
}

export function ColumnModelMenu({ index, columnCount, modelName, currentModelId, caption, label, tone = "plain" }: Props) {
  const course = useCourse();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useClickOutside(rootRef, open, close);
  const id = useId();
  const models = (course?.models ?? []).filter((m) => m.id !== currentModelId);
  const [choice, setChoice] = useState("");
  if (!course) return null;
  const adding = index >= columnCount;
  const picked = choice || models[0]?.id || "";
  return (
    <div ref={rootRef} className="relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-label={label}
        disabled={course.busy}
        onClick={() => setOpen((o) => !o)}
        title={tone === "icon" ? caption : undefined}
        className={
          tone === "warning"
            ? "rounded-md bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300 hover:bg-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
            : tone === "icon"
              ? "rounded-md p-1.5 text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              : menuButton
        }
      >
        {tone === "icon" ? <SwapIcon /> : caption}
      </button>
      {open && (
        <div role="dialog" aria-label={label} className="absolute right-0 z-30 mt-1 w-72 space-y-2 rounded-xl border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-300">
            {adding ? "Model for the new column (it starts from the conversation so far)" : `Replace ${modelName} with`}
          </label>
          <select id={id} value={picked} onChange={(e) => setChoice(e.target.value)} className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950">
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {visibleName(m.name, m.simulated)} · {m.providerLabel}
              </option>
            ))}
          </select>
          <div className="flex justify-between gap-2">
            {!adding && columnCount > 1 ? (
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  course.setColumnModel(index, null);
                }}
                className="rounded-md px-2 py-1 text-xs text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950/40"
              >
                Remove column
              </button>
            ) : (
              <span />
            )}
            <button
              type="button"
              disabled={!picked}
              onClick={() => {
                setOpen(false);
                course.setColumnModel(index, picked);
              }}
              className="rounded-md bg-zinc-900 px-3 py-1 text-xs font-medium text-white disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900"
            >
              {adding ? "Add column" : "Swap model"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
