// Applies the models page's filters and sort to the catalog view. Prices compare as exact picodollars.
import type { CatalogViewRow } from "./build-catalog-view";
import type { CatalogQuery } from "./catalog-query";
import { parseUsdPerToken, usdPerTokenFromPerMillion } from "./price";

export function filterCatalogView(rows: CatalogViewRow[], query: CatalogQuery): CatalogViewRow[] {
  const terms = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const maxPico = query.maxPrice !== undefined ? parseUsdPerToken(usdPerTokenFromPerMillion(query.maxPrice)) : undefined;
  const kept = rows.filter(({ dto, inputPico }) => {
    if (terms.length && !terms.every((t) => haystack(dto).includes(t))) return false;
    if (query.provider && !dto.endpoints.some((e) => e.provider === query.provider)) return false;
    if (query.free !== undefined && dto.free !== query.free) return false;
    if (query.tools !== undefined && dto.capabilities.tools !== query.tools) return false;
    if (query.vision !== undefined && dto.capabilities.vision !== query.vision) return false;
    if (query.minContext !== undefined && (dto.contextLength ?? 0) < query.minContext) return false;
    if (maxPico !== undefined && (inputPico === null || inputPico > maxPico)) return false;
    return true;
  });
  return kept.sort(comparatorFor(query.sort));
}

function haystack(dto: CatalogViewRow["dto"]): string {
  return [dto.name, dto.id, ...dto.endpoints.map((e) => `${e.providerLabel} ${e.upstreamId}`)].join(" ").toLowerCase();
}

type Compare = (a: CatalogViewRow, b: CatalogViewRow) => number;

const byName: Compare = (a, b) => a.dto.name.localeCompare(b.dto.name, "en", { sensitivity: "base" }) || a.dto.id.localeCompare(b.dto.id);

/** Unknown prices and context lengths always sort last, whichever way the known ones go. */
function comparatorFor(sort: CatalogQuery["sort"]): Compare {
  if (sort === "price-asc" || sort === "price-desc") {
    const sign = sort === "price-asc" ? 1 : -1;
    return (a, b) => {
      if (a.inputPico === null || b.inputPico === null) return a.inputPico === b.inputPico ? byName(a, b) : a.inputPico === null ? 1 : -1;
      return a.inputPico === b.inputPico ? byName(a, b) : a.inputPico < b.inputPico ? -sign : sign;
    };
  }
  if (sort === "context-desc") return (a, b) => (b.dto.contextLength ?? -1) - (a.dto.contextLength ?? -1) || byName(a, b);
  return byName;
}
