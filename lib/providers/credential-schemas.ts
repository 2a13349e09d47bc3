// Request bodies of the provider settings routes. Base URLs are where Switchyard will send
// keys and prompts, so only plain http(s) URLs without embedded credentials get through, and
// none aimed at a link-local or metadata address (outbound-policy.ts; checked again on connect).
import { z } from "zod";
import { refusalForHost } from "./outbound-policy";

const MAX_MODELS = 500;

export const baseUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter a base URL")
  .max(2048, "Base URL is too long")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Base URL must be an http:// or https:// URL" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "Base URL must be an http:// or https:// URL" });
    else if (url.username || url.password) ctx.addIssue({ code: "custom", message: "Base URL must not contain a user name or password: put the key in the API key field" });
    else if (url.search || url.hash) ctx.addIssue({ code: "custom", message: "Base URL must not have a query string or fragment" });
    else {
      const refusal = refusalForHost(url.hostname);
      if (refusal) ctx.addIssue({ code: "custom", message: refusal.message });
    }
  });

export const apiKeySchema = z
  .string()
  .trim()
  .min(1, "Enter an API key")
  .max(4096, "API key is too long")
  // It travels in an HTTP header: whitespace or control characters inside would break (or smuggle) headers.
  .regex(/^[\x21-\x7e]+$/, "API key must be printable characters without spaces");

/** Comma-separated text or a list; blank entries dropped. */
export const modelsSchema = z
  .union([z.string().max(50_000), z.array(z.string().max(300)).max(MAX_MODELS)])
  .transform((value) => (typeof value === "string" ? value.split(",") : value).map((m) => m.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().max(300).regex(/^[^,\s]+$/, "Model ids cannot contain spaces or commas"))
      .max(MAX_MODELS, `At most ${MAX_MODELS} models`),
  );

// "" from a cleared form field means "remove", like null.
const clearable = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable().optional());

export const credentialUpdateSchema = z
  .object({
    apiKey: clearable(apiKeySchema),
    baseUrl: clearable(baseUrlSchema),
    models: modelsSchema.nullable().optional(),
  })
  .strict()
  .refine((body) => body.apiKey !== undefined || body.baseUrl !== undefined || body.models !== undefined, "Nothing to change: send apiKey, baseUrl or models");

export const customProviderSchema = z
  .object({
    name: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Name must be 1–40 lower-case letters, digits or dashes, starting with a letter or digit"),
    baseUrl: baseUrlSchema,
    apiKey: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), apiKeySchema.optional()),
    models: modelsSchema.optional(),
  })
  .strict();
