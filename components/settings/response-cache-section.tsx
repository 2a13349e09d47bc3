"use client";
// Settings → Response cache (admins): whether cached answers are shared across the team, and
// how keys and requests turn the cache on.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { fetchResponseCacheSettings, responseCacheQueryKey, saveResponseCacheSettings, type ResponseCacheSettings } from "@/lib/settings/response-cache-client";
import { card, code, hint } from "./api-keys-ui";

export function ResponseCacheSection() {
  const id = useId();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: responseCacheQueryKey, queryFn: fetchResponseCacheSettings });
  // The box shows the choice at once; a refusal puts it back.
  const save = useMutation({
    mutationFn: saveResponseCacheSettings,
    onMutate: (shared: boolean) => {
      const before = queryClient.getQueryData<ResponseCacheSettings>(responseCacheQueryKey);
      if (before) queryClient.setQueryData(responseCacheQueryKey, { ...before, shared });
      return before;
    },
    onError: (_error, _shared, before) => queryClient.setQueryData(responseCacheQueryKey, before),
    onSuccess: (data) => queryClient.setQueryData(responseCacheQueryKey, data),
  });
  const ttl = settings.data?.defaultTtlSeconds;
  return (
    <section aria-labelledby="response-cache-heading" className="space-y-3">
      <div>
        <h2 id="response-cache-heading" className="font-semibold">
          Response cache
        </h2>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
          Off by default. A key with &quot;Cache responses&quot;, or a request with <code className={code}>X-Switchyard-Cache: true</code>, gets an identical
          earlier answer replayed at no cost instead of calling the provider; <code className={code}>Cache-Control: no-cache</code> fetches a fresh one.
          {ttl !== undefined && ` Answers are kept for ${ttl.toLocaleString("en")} seconds unless a request sends X-Switchyard-Cache-TTL.`}
        </p>
      </div>
      <div className={`${card} flex items-start gap-2 p-4`}>
        <input
          id={`${id}-shared`}
          type="checkbox"
          className="mt-0.5 size-4 accent-indigo-600"
          checked={settings.data?.shared ?? false}
          disabled={!settings.data}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        <div>
          <label htmlFor={`${id}-shared`} className="text-sm font-medium">
            Share cached answers across the team
          </label>
          <p className={hint}>Off: each user only ever gets their own cached answers. On: an identical request from any user can be answered from the cache.</p>
          {(settings.isError || save.isError) && (
            <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {(settings.error ?? save.error)?.message}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
