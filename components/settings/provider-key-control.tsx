"use client";
// A provider's key: where the key in use comes from, and Set / Replace / Remove for the key
// saved in Settings. The key itself is never shown; the server sends only its last characters.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { Badge } from "@/components/ui/badge";
import { code } from "./api-keys-ui";
import { ProviderInlineForm } from "./provider-inline-form";
import { refreshAfterProviderChange, saveProviderCredential } from "./provider-settings-api";
import { smallButton, smallDangerButton } from "./provider-ui";

export function ProviderKeyControl({ provider }: { provider: ProviderStatusDto }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"idle" | "edit" | "confirm-remove">("idle");
  const save = useMutation({
    mutationFn: (apiKey: string | null) => saveProviderCredential(provider.id, { apiKey }),
    onSuccess: () => {
      setMode("idle");
      refreshAfterProviderChange(queryClient);
    },
  });
  const stored = provider.storedKey;
  const label = provider.label;

  return (
    <div className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <div className="flex flex-wrap items-center gap-1.5">
        <KeyStatus provider={provider} />
        {mode === "idle" && (
          <>
            <button type="button" className={smallButton} onClick={() => setMode("edit")} aria-label={`${stored ? "Replace" : "Set"} key for ${label}`}>
              {stored ? "Replace key" : "Set key"}
            </button>
            {stored && (
              <button type="button" className={smallDangerButton} onClick={() => setMode("confirm-remove")} aria-label={`Remove key for ${label}`}>
                Remove key
              </button>
            )}
          </>
        )}
      </div>
      {mode === "confirm-remove" && (
        <div role="group" aria-label={`Remove the saved key for ${label}?`} className="flex flex-wrap items-center gap-2">
          <span>Remove the key saved for {label}? It cannot be shown again; you would have to enter it anew.</span>
          <button type="button" className={smallDangerButton} onClick={() => save.mutate(null)} disabled={save.isPending} aria-label={`Confirm removing the key for ${label}`}>
            {save.isPending ? "Removing…" : "Remove"}
          </button>
          <button type="button" className={smallButton} onClick={() => setMode("idle")} aria-label={`Keep the key for ${label}`}>
            Keep
          </button>
        </div>
      )}
      {mode === "edit" && (
        <ProviderInlineForm
          label={`API key for ${label}`}
          type="password"
          placeholder={stored ? "Enter the new key" : "Paste the key"}
          pending={save.isPending}
          error={save.isError ? save.error.message : null}
          onSave={(apiKey) => save.mutate(apiKey)}
          onCancel={() => {
            save.reset();
            setMode("idle");
          }}
        />
      )}
      {mode === "confirm-remove" && save.isError && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          Could not remove the key: {save.error.message}
        </p>
      )}
    </div>
  );
}

function KeyStatus({ provider }: { provider: ProviderStatusDto }) {
  const stored = provider.storedKey;
  const hint = (value: string | null) => (value ? <code className={code}>{value}</code> : null);
  if (provider.keySource === "env") {
    return (
      <span>
        Key {hint(provider.keyHint)} from the environment (<code className={code}>{provider.keyEnvVar ?? "env"}</code>)
        {stored && (
          <>
            ; it wins over the key saved in Settings {hint(stored.hint)}
            {stored.error ? ", which cannot be decrypted anyway" : ", which is not used"}
          </>
        )}
        .
      </span>
    );
  }
  if (stored?.error) {
    return (
      <>
        <Badge tone="red" title={stored.error}>
          key cannot be decrypted
        </Badge>
        <span>The key saved in Settings cannot be read with the current SECRET_KEY (or key file): restore it, or enter the provider key again.</span>
      </>
    );
  }
  if (provider.keySource === "settings") return <span>Key {hint(provider.keyHint)} saved in Settings (encrypted).</span>;
  return <span>{provider.needsKey ? "No key yet." : "No key (optional for this provider)."}</span>;
}
