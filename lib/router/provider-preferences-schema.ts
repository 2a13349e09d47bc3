// OpenRouter's `provider` object (routing preferences), as a request or a saved preset gives it.
import { z } from "zod";

export const providerPreferencesSchema = z.object({
  order: z.array(z.string()).optional(),
  allow_fallbacks: z.boolean().optional(),
  sort: z.enum(["price", "throughput", "latency"]).optional(),
  only: z.array(z.string()).optional(),
  ignore: z.array(z.string()).optional(),
  require_parameters: z.boolean().optional(),
  max_price: z.object({ prompt: z.number().nonnegative().optional(), completion: z.number().nonnegative().optional() }).optional(),
  data_collection: z.enum(["allow", "deny"]).optional(),
});
