// The query string of GET /api/catalog: filters and sort, validated with messages a person can act on.
import { z } from "zod";
import { AppError } from "../errors";
import { CATALOG_SORTS } from "./catalog-view-types";

const yesNo = (name: string) =>
  z
    .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
    .transform((v) => v === "true" || v === "1")
    .optional();

export const catalogQuerySchema = z.object({
  q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
  provider: z.string().trim().min(1, "provider must not be empty").optional(),
  free: yesNo("free"),
  tools: yesNo("tools"),
  vision: yesNo("vision"),
  minContext: z
    .string()
    .regex(/^\d{1,10}$/, "minContext must be a whole number of tokens, such as 128000")
    .transform(Number)
    .optional(),
  maxPrice: z
    .string()
    .regex(/^\d{1,6}(?:\.\d{1,12})?$/, "maxPrice must be a price in USD per million input tokens, such as 0.5")
    .optional(),
  sort: z.enum(CATALOG_SORTS, { error: `sort must be one of ${CATALOG_SORTS.join(", ")}` }).default("name"),
});

export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

/** Empty parameters count as absent: an untouched form field sends "maxPrice=". */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  const raw: Record<string, string> = {};
  for (const [name, value] of params) if (value.trim() !== "") raw[name] = value;
  const parsed = catalogQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.path.join(".");
    throw new AppError(400, issue.message, "invalid_request", param || null);
  }
  return parsed.data;
}
