"use client";
// Quality against cost (or time to first token, or speed): one point per model, the Pareto
// frontier drawn through the models nothing beats on both at once — "which model is good enough
// for the least money". A table view shows the same numbers.
import { useState } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, LabelList } from "recharts";
import { PICO_PER_USD, formatUsd } from "@/lib/format/usd";
import type { LeaderboardPageDto } from "@/lib/votes/client/leaderboard-types";
import { card, muted, sectionTitle, segment } from "@/components/usage/styles";

type Axis = "cost" | "ttft" | "speed";

const AXES: Record<Axis, { label: string; unit: string; frontier: keyof LeaderboardPageDto["frontier"] }> = {
  cost: { label: "Average cost per answer", unit: "USD", frontier: "cost" },
  ttft: { label: "Average time to first token", unit: "ms", frontier: "ttft" },
  speed: { label: "Tokens per second", unit: "tok/s", frontier: "speed" },
};

interface Point {
  model: string;
  name: string;
  x: number;
  score: number;
  costPico: string | null;
  ttftMs: number | null;
  speed: number | null;
  onFrontier: boolean;
}

export function QualityCostChart({ data, nameOf }: { data: LeaderboardPageDto; nameOf: (model: string) => string }) {
  const [axis, setAxis] = useState<Axis>("cost");
  const [asTable, setAsTable] = useState(false);
  const frontier = data.frontier[AXES[axis].frontier];
  const perf = new Map(data.performance.map((p) => [p.model, p]));
  const points: Point[] = data.board.rows.flatMap((row) => {
    const p = perf.get(row.model);
    if (!p) return [];
    const x = axis === "cost" ? (p.averageCostPico === null ? null : Number(p.averageCostPico) / Number(PICO_PER_USD)) : axis === "ttft" ? p.averageTtftMs : p.tokensPerSecond;
    if (x === null) return [];
    return [{ model: row.model, name: nameOf(row.model), x, score: row.plain.score, costPico: p.averageCostPico, ttftMs: p.averageTtftMs, speed: p.tokensPerSecond, onFrontier: frontier.includes(row.model) }];
  });
  const line = frontier.flatMap((model) => points.filter((p) => p.model === model));
  const formatX = (x: number) => (axis === "cost" ? `$${x.toPrecision(2)}` : axis === "ttft" ? `${Math.round(x)} ms` : `${x.toFixed(0)}`);

  return (
    <section aria-labelledby="quality-cost-title" className={card}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="quality-cost-title" className={sectionTitle}>
          Quality against {axis === "cost" ? "cost" : axis === "ttft" ? "time to first token" : "speed"}
        </h2>
        <div className="flex flex-wrap gap-1" role="group" aria-label="Horizontal axis">
          {(Object.keys(AXES) as Axis[]).map((a) => (
            <button key={a} type="button" aria-pressed={axis === a} className={segment(axis === a)} onClick={() => setAxis(a)}>
              {a === "cost" ? "Cost" : a === "ttft" ? "TTFT" : "Tokens/s"}
            </button>
          ))}
          <button type="button" aria-pressed={asTable} className={segment(asTable)} onClick={() => setAsTable(!asTable)}>
            Table view
          </button>
        </div>
      </div>
      <p className={`${muted} mt-1`}>
        Score (higher is better) against {AXES[axis].label.toLowerCase()} from your usage ledger; the line joins the Pareto frontier: {line.map((p) => p.name).join(" → ") || "—"}.
      </p>
      {points.length === 0 ? (
        <p className={`${muted} mt-3`}>No model on the leaderboard has finished answers in the ledger yet.</p>
      ) : asTable ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Score, cost and speed per model</caption>
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3">Model</th>
                <th scope="col" className="py-1 pr-3 text-right">Score</th>
                <th scope="col" className="py-1 pr-3 text-right">Cost per answer</th>
                <th scope="col" className="py-1 pr-3 text-right">TTFT</th>
                <th scope="col" className="py-1 pr-3 text-right">Tokens/s</th>
                <th scope="col" className="py-1">Frontier</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {points.map((p) => (
                <tr key={p.model} className="border-t border-zinc-200 dark:border-zinc-800">
                  <th scope="row" className="py-1 pr-3 font-medium">{p.name}</th>
                  <td className="py-1 pr-3 text-right">{Math.round(p.score)}</td>
                  <td className="py-1 pr-3 text-right">{p.costPico === null ? "—" : formatUsd(p.costPico)}</td>
                  <td className="py-1 pr-3 text-right">{p.ttftMs === null ? "—" : `${Math.round(p.ttftMs)} ms`}</td>
                  <td className="py-1 pr-3 text-right">{p.speed === null ? "—" : p.speed.toFixed(0)}</td>
                  <td className="py-1">{p.onFrontier ? "yes" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <figure aria-label={`Scatter chart of score against ${AXES[axis].label.toLowerCase()}, with the Pareto frontier`} className="mt-3 h-72 w-full" data-testid="quality-cost-chart">
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 12, right: 24, bottom: 28, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa55" />
              <XAxis type="number" dataKey="x" name={AXES[axis].label} tickFormatter={formatX} tick={{ fontSize: 11 }} label={{ value: `${AXES[axis].label} (${AXES[axis].unit})`, position: "bottom", fontSize: 11, offset: 10 }} />
              <YAxis type="number" dataKey="score" name="Score" domain={["auto", "auto"]} tick={{ fontSize: 11 }} width={44} />
              <Tooltip formatter={(value, name) => (name === "Score" ? Math.round(Number(value)) : formatX(Number(value)))} labelFormatter={() => ""} />
              <Scatter name="Pareto frontier" data={line} line={{ stroke: "#10b981", strokeWidth: 2 }} fill="#10b981" shape="diamond" legendType="none" className="frontier" isAnimationActive={false} />
              <Scatter name="Models" data={points} fill="#6366f1" isAnimationActive={false}>
                <LabelList dataKey="name" position="top" fontSize={10} />
              </Scatter>
            </ScatterChart>
          </ResponsiveContainer>
        </figure>
      )}
    </section>
  );
}
