const tones = {
  neutral: "bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
  amber: "bg-amber-50 text-amber-700 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900",
  red: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-200 dark:bg-indigo-950/50 dark:text-indigo-300 dark:ring-indigo-900",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", children, title }: { tone?: BadgeTone; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex shrink-0 items-center rounded-full px-1.5 py-px text-[10px] font-medium uppercase tracking-wide ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}

/** Sandbox models are labelled wherever they appear, so nobody mistakes them for real ones. */
export function SimulatedBadge() {
  return (
    <Badge tone="amber" title="Simulated by the built-in sandbox: no real model is called">
      simulated
    </Badge>
  );
}
