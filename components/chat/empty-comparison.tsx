import { ImportConversationButton } from "@/components/layout/import-conversation-button";

export function EmptyComparison() {
  return (
    <div className="grid flex-1 place-items-center overflow-y-auto p-6">
      <div className="max-w-md rounded-2xl border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">
        <h2 className="font-semibold">Compare models side by side</h2>
        <p className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          Search above and pick 2–8 models. One prompt goes to all of them; each answer streams in its own column with its tokens, cost, time to first token and
          speed.
        </p>
        <div className="mt-3 flex flex-wrap justify-center">
          <ImportConversationButton variant="text" />
        </div>
      </div>
    </div>
  );
}
