"use client";
// Opening a saved model set: on a new comparison its columns are picked at once (and a
// `/?set=<slug>` link does the same when the page opens); from a conversation it goes to a
// new comparison with the set. The set opened is remembered as the last one used.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect } from "react";
import type { ColumnSettings } from "@/lib/chat/api-types";
import { MAX_MODELS } from "@/lib/chat/client/limits";
import { columnsOfSet, linkToSet, rememberLastSet } from "@/lib/chat/client/model-sets";
import { fetchPresets, presetsQueryKey } from "@/lib/presets/presets-client";

export function useModelSetOpener(isNew: boolean, initialSet: string | undefined, setColumns: (columns: ColumnSettings[]) => void): (slug: string) => void {
  const queryClient = useQueryClient();
  const router = useRouter();

  const apply = useCallback(
    async (slug: string) => {
      const presets = await queryClient.fetchQuery({ queryKey: presetsQueryKey, queryFn: fetchPresets, staleTime: 10_000 });
      const set = presets.find((p) => p.slug === slug);
      if (!set) return;
      setColumns(columnsOfSet(set).slice(0, MAX_MODELS));
      rememberLastSet(slug);
    },
    [queryClient, setColumns],
  );

  useEffect(() => {
    if (isNew && initialSet) void apply(initialSet);
  }, [isNew, initialSet, apply]);

  return useCallback((slug: string) => (isNew ? void apply(slug) : router.push(linkToSet(slug))), [isNew, apply, router]);
}
