// Shared class names for the usage page, so cards, tables and controls look alike.
export const card = "rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900/60";
export const field = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
export const fieldLabel = "text-xs font-medium text-zinc-600 dark:text-zinc-400";
export const sectionTitle = "text-base font-semibold tracking-tight";
export const muted = "text-sm text-zinc-600 dark:text-zinc-400";
export const buttonSecondary =
  "inline-flex items-center justify-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800";
export const segment = (active: boolean) =>
  `rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap ${
    active ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
  }`;
/** Series colours: distinct in light and dark; "other" is always grey. */
export const SERIES_COLORS = ["#6366f1", "#10b981", "#f59e0b", "#ec4899", "#06b6d4", "#8b5cf6", "#ef4444", "#84cc16", "#f97316", "#14b8a6"];
export const OTHER_COLOR = "#a1a1aa";
