// <title> and social previews for a shared page: what was compared, never who shared it.
import type { Metadata } from "next";
import type { ResolvedShare } from "./resolve-shared";

const noindex = { index: false, follow: false } as const;

export function shareMetadata(resolved: ResolvedShare): Metadata {
  if (resolved.state !== "active") {
    return { title: "Shared link unavailable", robots: noindex };
  }
  const { snapshot } = resolved;
  // Titles are stored whole; a browser tab or a preview card shows the start of a long one.
  const title = snapshot.title.length > 70 ? `${snapshot.title.slice(0, 69).trimEnd()}…` : snapshot.title;
  const description = `${describeModels(snapshot.columns.map((c) => c.name))} compared side by side on Switchyard.`;
  return {
    title,
    description,
    robots: noindex,
    openGraph: { title, description, type: "article", siteName: "Switchyard" },
    twitter: { card: "summary", title, description },
  };
}

function describeModels(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? "Models";
  return `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}
