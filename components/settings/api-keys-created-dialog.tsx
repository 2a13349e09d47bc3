"use client";
// The one moment the plaintext key exists in the browser: show it, offer to copy it, and
// say plainly that it cannot be shown again (only its hash is stored).
import { useEffect, useRef, useState } from "react";
import type { CreatedApiKeyDto } from "@/lib/auth/api-keys-dto";
import { copyText } from "@/components/ui/copy-text";
import { primaryButton, secondaryButton } from "./api-keys-ui";

export function CreatedApiKeyDialog({ created, onClose }: { created: CreatedApiKeyDto | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (created && !dialog.open) {
      setCopied("no");
      dialog.showModal();
    }
    if (!created && dialog.open) dialog.close();
  }, [created]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="new-key-title"
      aria-describedby="new-key-warning"
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {created && (
        <div className="space-y-4 p-5">
          <div>
            <h2 id="new-key-title" className="font-semibold">
              Your new API key
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{created.apiKey.name}</p>
          </div>
          <p id="new-key-warning" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200 ring-inset dark:bg-amber-950/40 dark:text-amber-200 dark:ring-amber-900">
            Copy it now: this is the only time it will be shown. Switchyard keeps only a hash, so a lost key cannot be recovered — revoke it and create a new one.
          </p>
          <textarea
            readOnly
            rows={1}
            aria-label="New API key"
            value={created.key}
            onFocus={(e) => e.target.select()}
            className="field-sizing-content w-full resize-none rounded-md border border-zinc-300 bg-zinc-50 px-2.5 py-2 font-mono text-sm break-all dark:border-zinc-700 dark:bg-zinc-950"
          />
          <div className="flex flex-wrap items-center justify-end gap-2">
            <span aria-live="polite" className="mr-auto text-sm text-zinc-600 dark:text-zinc-400">
              {copied === "yes" ? "Copied to the clipboard" : copied === "failed" ? "Could not copy: select the key and copy it by hand" : ""}
            </span>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => copyText(created.key).then(() => setCopied("yes"), () => setCopied("failed"))}
            >
              {copied === "yes" ? "Copied" : "Copy key"}
            </button>
            <button type="button" className={primaryButton} onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
