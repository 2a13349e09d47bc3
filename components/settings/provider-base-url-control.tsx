"use client";
// A provider's base URL: where it comes from, and an override saved in Settings (an admin's
// choice: it is where Switchyard sends the key and every prompt for this provider).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { code } from "./api-keys-ui";
import { ProviderInlineForm } from "./provider-inline-form";
import { refreshAfterProviderChange, saveProviderCredential } from "./provider-settings-api";
import { smallButton } from "./provider-ui";

export function ProviderBaseUrlControl({ provider }: { provider: ProviderStatusDto }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (baseUrl: string | null) => saveProviderCredential(provider.id, { baseUrl }),
    onSuccess: () => {
      setEditing(false);
      refreshAfterProviderChange(queryClient);
    },
  });
  const label = provider.label;
  // A custom provider added in Settings is its base URL: it can be changed, not reset.
  const resettable = provider.kind === "preset" && provider.storedBaseUrl !== null;

  return (
    <div className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="truncate font-mono" title={provider.baseUrl}>
          {provider.baseUrl}
        </span>
        <span>
          {provider.baseUrlSource === "env" && <>(from the environment{provider.storedBaseUrl ? "; it wins over the URL saved in Settings" : ""})</>}
          {provider.baseUrlSource === "settings" && "(saved in Settings)"}
          {provider.baseUrlSource === "default" && provider.kind === "preset" && "(default)"}
        </span>
        {!editing && (
          <button type="button" className={smallButton} onClick={() => setEditing(true)} aria-label={`Change base URL for ${label}`}>
            Change base URL
          </button>
        )}
        {!editing && resettable && (
          <button type="button" className={smallButton} onClick={() => save.mutate(null)} disabled={save.isPending} aria-label={`Reset base URL for ${label} to the default`}>
            {save.isPending ? "Resetting…" : "Reset to default"}
          </button>
        )}
      </div>
      {editing && (
        <ProviderInlineForm
          label={`Base URL for ${label}`}
          type="url"
          initial={provider.storedBaseUrl ?? provider.baseUrl}
          placeholder="https://…/v1"
          pending={save.isPending}
          error={save.isError ? save.error.message : null}
          onSave={(baseUrl) => save.mutate(baseUrl)}
          onCancel={() => {
            save.reset();
            setEditing(false);
          }}
        />
      )}
      {!editing && save.isError && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          Could not reset the base URL: {save.error.message}
        </p>
      )}
      {provider.storedBaseUrlUnused === "env-key" && (
        <p role="note">
          The base URL saved in Settings (<code className={code}>{provider.storedBaseUrl}</code>) is not used: the key from{" "}
          <code className={code}>{provider.keyEnvVar}</code> is only sent to the provider&apos;s default base URL or one set in the environment. To
          use this URL, save a key here and remove <code className={code}>{provider.keyEnvVar}</code> from the environment.
        </p>
      )}
      {provider.kind === "preset" && !provider.needsKey && !provider.configured && (
        <p>
          Local server: saving its base URL switches it on (or set <code className={code}>{provider.envVar}</code>).
        </p>
      )}
    </div>
  );
}
