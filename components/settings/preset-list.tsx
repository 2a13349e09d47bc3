"use client";
// The viewer's presets and the team's: what each calls, how to call it, edit and delete
// (delete after a second, explicit click).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { queryKeys } from "@/lib/chat/client/api";
import type { PresetDto } from "@/lib/presets/preset-schema";
import { deletePreset, fetchPresets, presetsQueryKey } from "@/lib/presets/presets-client";
import { card, code, dangerButton, dangerSolidButton, hint, secondaryButton } from "./api-keys-ui";

function settingsText(p: PresetDto): string {
  const parts = [
    p.parameters.temperature !== undefined && `temperature ${p.parameters.temperature}`,
    p.parameters.max_tokens !== undefined && `max ${p.parameters.max_tokens.toLocaleString("en")} tokens`,
    p.parameters.top_p !== undefined && `top_p ${p.parameters.top_p}`,
    p.provider.sort && `${p.provider.sort} first`,
    p.provider.allow_fallbacks === false && "no provider fallback",
    p.systemPrompt && "system prompt",
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "Default parameters";
}

function PresetRow({ preset, onEdit }: { preset: PresetDto; onEdit: (preset: PresetDto) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deletePreset(preset.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: presetsQueryKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.models });
    },
  });
  return (
    <li aria-label={preset.name} className="space-y-2 p-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <h3 className="font-medium break-all">{preset.name}</h3>
            {preset.team && <Badge tone="indigo">team</Badge>}
          </div>
          <p>
            <code className={code}>@preset/{preset.slug}</code>
          </p>
          <p className="text-sm break-all text-zinc-700 dark:text-zinc-300">{preset.models.join(" → ")}</p>
          <p className={hint}>
            {settingsText(preset)}
            {preset.description && ` · ${preset.description}`}
          </p>
        </div>
        {preset.editable && (
          <div className="flex shrink-0 gap-2">
            <button type="button" className={secondaryButton} aria-label={`Edit ${preset.name}`} onClick={() => onEdit(preset)}>
              Edit
            </button>
            {confirming ? (
              <>
                <button type="button" className={dangerSolidButton} onClick={() => remove.mutate()} disabled={remove.isPending}>
                  Delete {preset.name}
                </button>
                <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" className={dangerButton} aria-label={`Delete ${preset.name}`} onClick={() => setConfirming(true)}>
                Delete
              </button>
            )}
          </div>
        )}
      </div>
      {remove.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not delete: {remove.error.message}
        </p>
      )}
    </li>
  );
}

export function PresetList({ onEdit }: { onEdit: (preset: PresetDto) => void }) {
  const presets = useQuery({ queryKey: presetsQueryKey, queryFn: fetchPresets });
  if (presets.isPending) return <p className={hint}>Loading presets…</p>;
  if (presets.isError) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not load presets: {presets.error.message}
      </p>
    );
  }
  if (presets.data.length === 0) return <p className={hint}>No presets yet.</p>;
  return (
    <ul aria-label="Presets" className={`${card} divide-y divide-zinc-200 dark:divide-zinc-800`}>
      {presets.data.map((preset) => (
        <PresetRow key={preset.id} preset={preset} onEdit={onEdit} />
      ))}
    </ul>
  );
}
