// Whether a model takes images, from the catalog's input modalities (or the sandbox's own
// list): true, false, or null when nothing is known (a custom provider's model, a preset) —
// then images are sent and the provider decides.
import { getCatalogModel } from "../catalog/lookup";
import { priceFor } from "./price-for";
import { splitSuffix } from "./resolve-model";

export function acceptsImages(requested: string): boolean | null {
  const { modelId } = splitSuffix(requested.trim());
  const canonical = getCatalogModel(modelId);
  if (canonical) return canonical.capabilities.vision;
  const slash = modelId.indexOf("/");
  if (slash <= 0 || modelId.startsWith("@")) return null;
  return priceFor(modelId.slice(0, slash), modelId.slice(slash + 1)).vision;
}
