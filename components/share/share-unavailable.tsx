import Link from "next/link";

/** Shown (with HTTP 410 or 404) instead of an error page when a link no longer leads anywhere. */
export function ShareUnavailable({ reason }: { reason: "gone" | "missing" }) {
  return (
    <main className="grid min-h-dvh place-items-center p-6 text-center">
      <div className="max-w-sm">
        <p className="text-xs font-medium tracking-wide text-zinc-600 dark:text-zinc-400 uppercase">Switchyard</p>
        <h1 className="mt-2 text-xl font-semibold tracking-tight">This shared link is no longer available</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {reason === "gone" ? "Its owner revoked it, or it expired." : "No shared conversation has this address. Check that the link was copied in full."}
        </p>
        <Link href="/" className="mt-5 inline-block rounded-lg bg-zinc-900 px-3 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Open Switchyard
        </Link>
      </div>
    </main>
  );
}
