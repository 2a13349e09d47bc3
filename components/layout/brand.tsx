/** The Switchyard mark and name, as in the sidebar and on the sign-in pages. */
export function Brand() {
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden="true" className="grid size-7 place-items-center rounded-lg bg-zinc-900 text-xs font-bold text-white dark:bg-zinc-100 dark:text-zinc-900">
        S
      </span>
      <span className="font-semibold tracking-tight">Switchyard</span>
    </div>
  );
}
