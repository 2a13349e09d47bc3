// The download of an export: JSON (to import again) or Markdown (to read), named after the title.
import type { ConversationExport } from "./export-format";
import { exportToMarkdown } from "./export-markdown";

export function exportFileName(title: string, extension: "json" | "md"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60)
    .replace(/-+$/, "")
    .toLowerCase();
  return `${slug || "conversation"}.${extension}`;
}

export function exportResponse(file: ConversationExport, format: "json" | "md"): Response {
  const body = format === "json" ? `${JSON.stringify(file, null, 2)}\n` : exportToMarkdown(file);
  const name = exportFileName(file.title, format);
  return new Response(body, {
    headers: {
      "content-type": format === "json" ? "application/json; charset=utf-8" : "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
