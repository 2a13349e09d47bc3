// A conversation export as Markdown, for reading: each turn's prompt, then every model's
// answer under its name with the figures that matter when comparing.
import { formatDuration, formatRate } from "../../format/duration";
import { formatTokens } from "../../format/tokens";
import { formatUsd } from "../../format/usd";
import type { ConversationExport, ExportedAnswer } from "./export-format";

export function exportToMarkdown(file: ConversationExport): string {
  const names = file.columns.map((c) => c.name ?? c.modelId);
  const out: string[] = [`# ${file.title}`, ""];
  out.push(`Exported from Switchyard${file.exportedAt ? ` on ${file.exportedAt.slice(0, 10)}` : ""} · ${file.columns.length} ${file.columns.length === 1 ? "model" : "models"} · ${file.turns.length} ${file.turns.length === 1 ? "turn" : "turns"}${file.totalCostPico ? ` · total ${formatUsd(file.totalCostPico)}` : ""}`, "");
  out.push("## Models", "");
  file.columns.forEach((c, i) => {
    const settings = [c.temperature !== null ? `temperature ${c.temperature}` : null, c.maxTokens !== null ? `max tokens ${c.maxTokens}` : null].filter(Boolean);
    out.push(`${i + 1}. **${names[i]}** (\`${c.modelId}\`)${settings.length ? ` — ${settings.join(", ")}` : ""}`);
    if (c.systemPrompt) out.push("", `   System prompt: ${c.systemPrompt.replace(/\n/g, "\n   ")}`);
  });
  file.turns.forEach((turn, t) => {
    out.push("", `## Turn ${t + 1}`, "", ...turn.prompt.split("\n").map((line) => `> ${line}`));
    if (turn.attachments?.length) {
      const files = turn.attachments.map((a) => `${a.name} (${a.width && a.height ? `${a.width} × ${a.height} ` : ""}${a.kind === "text" ? "text" : a.mimeType.replace("image/", "").toUpperCase()})`);
      out.push(">", `> Attached: ${files.join(", ")}`);
    }
    turn.answers.forEach((answer, i) => {
      out.push("", `### ${names[i]}`, "");
      if (!answer) {
        out.push("_No answer._");
        return;
      }
      out.push(...answerLines(answer));
    });
    if (turn.fusion) out.push("", `### Fused answer, by ${turn.fusion.name ?? turn.fusion.modelId}`, "", ...answerLines(turn.fusion));
  });
  return `${out.join("\n")}\n`;
}

function answerLines(answer: ExportedAnswer): string[] {
  const out = [answer.content.trim() || "_Empty answer._"];
  if (answer.status !== "done") out.push("", `_${answer.status}${answer.error ? `: ${answer.error}` : ""}_`);
  const figures = figuresLine(answer);
  if (figures) out.push("", figures);
  return out;
}

function figuresLine(answer: ExportedAnswer): string | null {
  const s = answer.stats;
  if (!s) return null;
  const generationMs = s.totalMs === null ? null : s.ttftMs === null ? s.totalMs : s.totalMs - s.ttftMs;
  const approx = s.usageEstimated ? "~" : "";
  return `_Cost ${approx}${formatUsd(s.costPico)} · first token ${formatDuration(s.ttftMs)} · total ${formatDuration(s.totalMs)} · ${formatRate(s.completionTokens, generationMs)} · ${approx}${formatTokens(s.completionTokens)} output tokens${s.provider ? ` · via ${s.provider}` : ""}_`;
}
