"use client";
// Under the latest turn of a blind comparison still hidden: whether the vote reveals the models
// (the default, as for a one-turn comparison) or keeps them hidden so the next turns are voted
// blind too, and "Reveal models" once a turn has been voted.
interface Props {
  keep: boolean;
  onKeepChange: (keep: boolean) => void;
  /** Turns voted so far (all blind: the models are still hidden). */
  votedTurns: number;
  revealing: boolean;
  onReveal: () => void;
}

export function BlindVoteOptions({ keep, onKeepChange, votedTurns, revealing, onReveal }: Props) {
  const turns = `${votedTurns} turn${votedTurns === 1 ? "" : "s"}`;
  return (
    <div role="group" aria-label="Blind comparison" className="flex flex-wrap items-center gap-2 rounded-md bg-indigo-50 px-2 py-1 ring-1 ring-indigo-200 dark:bg-indigo-950/40 dark:ring-indigo-900">
      <label className="inline-flex items-center gap-1.5 text-xs font-medium">
        <input type="checkbox" checked={keep} onChange={(e) => onKeepChange(e.target.checked)} className="size-3.5 accent-indigo-600" />
        Keep models hidden after voting
      </label>
      {votedTurns > 0 && (
        <button
          type="button"
          onClick={onReveal}
          disabled={revealing}
          className="inline-flex items-center rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700 disabled:opacity-50 dark:bg-indigo-500 dark:text-zinc-950"
        >
          {revealing ? "Revealing…" : "Reveal models"}
        </button>
      )}
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        {keep ? (votedTurns > 0 ? `${turns} voted blind; ask more, or reveal` : "Vote on each turn, then reveal") : "Your vote reveals the models"}
      </span>
    </div>
  );
}
