"use client";
// For a custom provider added in Settings: its model list, and removing the provider.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { ProviderInlineForm } from "./provider-inline-form";
import { refreshAfterProviderChange, removeCustomProvider, saveProviderCredential } from "./provider-settings-api";
import { smallButton, smallDangerButton } from "./provider-ui";

export function ProviderCustomActions({ provider }: { provider: ProviderStatusDto }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"idle" | "models" | "confirm-remove">("idle");
  const onSuccess = () => {
    setMode("idle");
    refreshAfterProviderChange(queryClient);
  };
  const saveModels = useMutation({ mutationFn: (models: string | null) => saveProviderCredential(provider.id, { models }), onSuccess });
  const remove = useMutation({ mutationFn: () => removeCustomProvider(provider.id), onSuccess });
  const label = provider.label;
  const listed = provider.listedModels;

  return (
    <div className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <div className="flex flex-wrap items-center gap-1.5">
        <span>{listed ? `Models: ${listed.join(", ")}` : "Models: asked from the server (GET /models)"}</span>
        {mode === "idle" && (
          <>
            <button type="button" className={smallButton} onClick={() => setMode("models")} aria-label={`Change models for ${label}`}>
              Change models
            </button>
            {listed && (
              <button type="button" className={smallButton} onClick={() => saveModels.mutate(null)} disabled={saveModels.isPending} aria-label={`Discover models for ${label} from the server`}>
                Discover instead
              </button>
            )}
            <button type="button" className={smallDangerButton} onClick={() => setMode("confirm-remove")} aria-label={`Remove provider ${label}`}>
              Remove provider
            </button>
          </>
        )}
      </div>
      {mode === "models" && (
        <ProviderInlineForm
          label={`Models for ${label}`}
          type="text"
          initial={listed?.join(", ") ?? ""}
          placeholder="model-a, model-b"
          pending={saveModels.isPending}
          error={saveModels.isError ? saveModels.error.message : null}
          onSave={(models) => saveModels.mutate(models)}
          onCancel={() => {
            saveModels.reset();
            setMode("idle");
          }}
        />
      )}
      {mode === "confirm-remove" && (
        <div role="group" aria-label={`Remove provider ${label}?`} className="flex flex-wrap items-center gap-2">
          <span>Remove {label} and its saved key? Its models leave the picker.</span>
          <button type="button" className={smallDangerButton} onClick={() => remove.mutate()} disabled={remove.isPending} aria-label={`Confirm removing provider ${label}`}>
            {remove.isPending ? "Removing…" : "Remove"}
          </button>
          <button type="button" className={smallButton} onClick={() => setMode("idle")} aria-label={`Keep provider ${label}`}>
            Keep
          </button>
        </div>
      )}
      {(remove.isError || (mode !== "models" && saveModels.isError)) && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          {(remove.error ?? saveModels.error)?.message}
        </p>
      )}
    </div>
  );
}
