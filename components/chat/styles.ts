// The small outlined button of the chatroom's answer and turn actions (copy, regenerate, continue, edit).
export const answerActionButton =
  "inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-200 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";
