"use client";
// The leaderboard's tables: the ranking (scores with 95% intervals, length-controlled beside),
// the pairwise win-rate heat map, and one model's battles.
import Link from "next/link";
import type { LeaderboardPageDto } from "@/lib/votes/client/leaderboard-types";
import { card, field, fieldLabel, muted, sectionTitle } from "@/components/usage/styles";

type NameOf = (model: string) => string;

export function RankingTable({ data, nameOf }: { data: LeaderboardPageDto; nameOf: NameOf }) {
  const { board } = data;
  return (
    <section aria-labelledby="ranking-title" className={card}>
      <h2 id="ranking-title" className={sectionTitle}>
        Ranking
      </h2>
      <p className={`${muted} mt-1`}>
        Bradley–Terry scores on an Elo-like scale with {Math.round(board.confidence * 100)}% bootstrap intervals ({board.bootstrapSamples.toLocaleString("en")} resamples) from {board.voteCount} votes ({board.battleCount} pairwise battles). A rank counts the models
        whose interval is entirely above this one.
        {board.lengthEffect && ` Length control: an answer twice as long as its rival gains ${board.lengthEffect.pointsAtTwiceTheLength.toFixed(0)} points [${board.lengthEffect.lower.toFixed(0)}, ${board.lengthEffect.upper.toFixed(0)}].`}
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Models ranked by score</caption>
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3">Rank</th>
              <th scope="col" className="py-1 pr-3">Model</th>
              <th scope="col" className="py-1 pr-3 text-right">Score</th>
              <th scope="col" className="py-1 pr-3 text-right">95% interval</th>
              <th scope="col" className="py-1 pr-3 text-right">Length-controlled</th>
              <th scope="col" className="py-1 pr-3 text-right">Votes</th>
              <th scope="col" className="py-1 text-right">W / L / T</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {board.rows.map((row) => (
              <tr key={row.model} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-1.5 pr-3">{row.plain.rank}</td>
                <th scope="row" className="py-1.5 pr-3 font-medium">
                  {nameOf(row.model)}
                </th>
                <td className="py-1.5 pr-3 text-right font-semibold">{Math.round(row.plain.score)}</td>
                <td className="py-1.5 pr-3 text-right text-zinc-600 dark:text-zinc-400">
                  {Math.round(row.plain.lower)}–{Math.round(row.plain.upper)}
                </td>
                <td className="py-1.5 pr-3 text-right">
                  {row.lengthControlled ? `${Math.round(row.lengthControlled.score)} (#${row.lengthControlled.rank})` : "—"}
                </td>
                <td className="py-1.5 pr-3 text-right">{row.votes}</td>
                <td className="py-1.5 text-right">
                  {row.wins} / {row.losses} / {row.ties}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Green where the row model wins more often, red where it loses, empty where they never met. */
function heat(rate: number | null): string {
  if (rate === null) return "transparent";
  const hue = Math.round(rate * 140);
  return `hsl(${hue} 70% 45% / 0.35)`;
}

export function WinRateHeatmap({ data, nameOf }: { data: LeaderboardPageDto; nameOf: NameOf }) {
  const { models, cells } = data.winRates;
  return (
    <section aria-labelledby="winrate-title" className={card}>
      <h2 id="winrate-title" className={sectionTitle}>
        Pairwise win rates
      </h2>
      <p className={`${muted} mt-1`}>How often the row&apos;s model beat the column&apos;s (ties count half), with the number of battles.</p>
      <div className="mt-3 overflow-x-auto">
        <table className="text-xs tabular-nums">
          <caption className="sr-only">Win rate of each row model against each column model</caption>
          <thead>
            <tr>
              <td />
              {models.map((m) => (
                <th key={m} scope="col" className="max-w-24 truncate px-1.5 py-1 font-medium" title={nameOf(m)}>
                  {nameOf(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {models.map((row, i) => (
              <tr key={row}>
                <th scope="row" className="max-w-32 truncate py-1 pr-2 text-left font-medium" title={nameOf(row)}>
                  {nameOf(row)}
                </th>
                {cells[i].map((cell, j) => (
                  <td key={models[j]} className="min-w-14 px-1.5 py-1 text-center ring-1 ring-zinc-200 dark:ring-zinc-800" style={{ background: heat(cell.winRate) }}>
                    {i === j ? "" : cell.winRate === null ? "—" : `${Math.round(cell.winRate * 100)}%`}
                    {cell.battles > 0 && <span className="block text-[10px] text-zinc-600 dark:text-zinc-400">{cell.battles}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ModelBattles({ data, nameOf, model, onModelChange }: { data: LeaderboardPageDto; nameOf: NameOf; model: string; onModelChange: (m: string) => void }) {
  const battles = data.battles[model] ?? [];
  return (
    <section aria-labelledby="battles-title" className={card}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="battles-title" className={sectionTitle}>
          Battles
        </h2>
        <label className="flex flex-col gap-1">
          <span className={fieldLabel}>Model</span>
          <select className={field} value={model} onChange={(e) => onModelChange(e.target.value)}>
            {data.board.rows.map((r) => (
              <option key={r.model} value={r.model}>
                {nameOf(r.model)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {battles.length === 0 ? (
        <p className={`${muted} mt-2`}>No battles.</p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          {battles.map((b, k) => (
            <li key={`${b.voteId}-${k}`} className="flex flex-wrap items-center gap-x-2 py-1.5">
              <span className={b.result === "win" ? "font-semibold text-emerald-700 dark:text-emerald-400" : b.result === "loss" ? "font-semibold text-red-700 dark:text-red-400" : "font-semibold"}>{b.result}</span>
              <span>vs {nameOf(b.opponent)}</span>
              <span className="text-zinc-600 dark:text-zinc-400">{b.blind ? "blind" : "sighted"}</span>
              <Link className="ml-auto text-indigo-700 underline dark:text-indigo-300" href={`/c/${encodeURIComponent(b.conversationId)}`}>
                Turn {b.turn + 1}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
