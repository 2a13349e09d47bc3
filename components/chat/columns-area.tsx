"use client";
// The answers of a comparison: the grid on a wide screen, tabs per turn on a phone; and
// what both offer per turn (copy it as a table, compare two answers word by word).
import { useCallback, useMemo, useState } from "react";
import type { ColumnSettings, ModelOption } from "@/lib/chat/api-types";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import type { ChatView } from "@/lib/chat/client/chat-view";
import { turnMarkdownTable } from "@/lib/chat/client/turn-markdown";
import { buildTurnRows } from "@/lib/chat/client/turn-rows";
import { modelLabel, visibleName } from "@/lib/chat/client/use-models";
import { useMediaQuery } from "@/components/ui/use-stored-flag";
import { ComparisonGrid, type ComparisonProps } from "./comparison-grid";
import { DiffDialog } from "./diff-dialog";
import { PhoneComparison } from "./phone-comparison";

interface Props {
  view: ChatView;
  byId: ReadonlyMap<string, ModelOption>;
  canRegenerate: boolean;
  onStop: (messageId: string) => void;
  onRegenerate: (messageId: string) => void;
  onSettingsChange: (index: number, settings: ColumnSettings) => void;
  /** A shared snapshot: no settings to change. */
  readOnly?: boolean;
  /** Turn-wide extras under each turn (the vote bar). */
  turnExtra?: ComparisonProps["turnExtra"];
}

export const PHONE_QUERY = "(max-width: 767px)";

export function ColumnsArea({ view, byId, canRegenerate, onStop, onRegenerate, onSettingsChange, readOnly, turnExtra }: Props) {
  const phone = useMediaQuery(PHONE_QUERY);
  const rows = useMemo(() => buildTurnRows(view), [view]);
  const [diffTurn, setDiffTurn] = useState<number | null>(null);
  const names = view.columns.map((c) => {
    const label = modelLabel(byId, c.settings.modelId, c.saved?.label);
    const name = visibleName(label.name, label.simulated);
    // One model twice (two settings of it): the column number tells the copies apart.
    return view.columns.filter((o) => o.settings.modelId === c.settings.modelId).length > 1 ? `${name} (column ${c.index + 1})` : name;
  });

  const turnMarkdown = useCallback(
    (i: number) => {
      const row = rows[i];
      return turnMarkdownTable(
        row.turn.prompt,
        row.answers.map((a, c) => {
          const d = a ? toAnswerDisplay(a) : null;
          return { model: names[c], text: d?.text ?? null, status: d?.status ?? null, figures: row.score.figures[c] };
        }),
      );
    },
    [rows, names],
  );

  const props = { view, rows, byId, canRegenerate, onStop, onRegenerate, onSettingsChange, turnMarkdown, onCompare: setDiffTurn, readOnly, turnExtra };
  const diffRow = diffTurn === null ? undefined : rows[diffTurn];
  return (
    <>
      {phone ? <PhoneComparison {...props} /> : <ComparisonGrid {...props} />}
      {diffRow && diffTurn !== null && (
        <DiffDialog
          turnIndex={diffTurn}
          candidates={diffRow.answers.flatMap((a, c) => (a && toAnswerDisplay(a).text ? [{ name: names[c], text: toAnswerDisplay(a).text }] : []))}
          onClose={() => setDiffTurn(null)}
        />
      )}
    </>
  );
}
