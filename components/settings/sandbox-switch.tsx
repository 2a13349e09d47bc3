"use client";
// The simulated models' switch. Off only by an admin's choice, and only once a real provider
// has answered a check: until then the sandbox is the one thing sure to work.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { code } from "./api-keys-ui";
import { fetchSandboxSetting, refreshAfterProviderChange, sandboxKey, saveSandboxMode } from "./provider-settings-api";

export function SandboxSwitch() {
  const queryClient = useQueryClient();
  const setting = useQuery({ queryKey: sandboxKey, queryFn: fetchSandboxSetting });
  const save = useMutation({
    mutationFn: saveSandboxMode,
    onSuccess: (next) => {
      queryClient.setQueryData(sandboxKey, next);
      refreshAfterProviderChange(queryClient);
    },
  });
  const s = setting.data;
  if (!s) return setting.isError ? <p className="text-xs text-red-700 dark:text-red-400">{setting.error.message}</p> : null;
  const canSwitchOff = s.answering.length > 0;
  return (
    <div className="space-y-1 text-xs text-zinc-700 dark:text-zinc-300">
      <label className="inline-flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          role="switch"
          checked={s.mode === "on"}
          disabled={save.isPending || s.forcedByEnv || (s.mode === "on" && !canSwitchOff)}
          onChange={(e) => save.mutate(e.target.checked ? "on" : "off")}
          className="size-3.5 accent-zinc-900 dark:accent-zinc-100"
        />
        Offer the simulated models
      </label>
      <p className="text-zinc-600 dark:text-zinc-400">
        {s.forcedByEnv ? (
          <>
            <code className={code}>SANDBOX_ENABLED</code> decides: the simulated models are {s.enabled ? "on" : "off"} whatever is set here.
          </>
        ) : s.mode === "off" ? (
          "Switched off: the picker shows only real providers' models."
        ) : canSwitchOff ? (
          `${s.answering.join(", ")} ${s.answering.length === 1 ? "answers" : "answer"}: you can switch the simulated models off.`
        ) : (
          "They stay on until a real provider has answered a check, so there is always something that works."
        )}
      </p>
      {save.isError && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {save.error.message}
        </p>
      )}
    </div>
  );
}
