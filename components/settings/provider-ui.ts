// Class names of the provider rows' small buttons, matching the "Check" button beside them.
export const smallButton =
  "rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-zinc-300 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50 dark:ring-zinc-700 dark:hover:bg-zinc-800";
export const smallDangerButton =
  "rounded-md px-2.5 py-1 text-xs font-medium text-red-700 ring-1 ring-red-300 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-500 disabled:opacity-50 dark:text-red-300 dark:ring-red-900 dark:hover:bg-red-950/40";
