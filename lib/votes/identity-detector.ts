// The self-identification detector over the current catalog and the sandbox's models, built once
// per catalog version (building compiles a few large regular expressions).
import { buildIdentityTerms } from "../arena/identity-terms";
import { SelfIdentificationDetector } from "../arena/self-identification";
import { listCatalogModels } from "../catalog/lookup";
import { processSingleton } from "../process-singleton";
import { SANDBOX_MODELS } from "../providers/sandbox/models";

export function identityDetector(): SelfIdentificationDetector {
  const catalog = listCatalogModels();
  const cache = processSingleton("arena.identity-detector", () => ({ catalog: null as unknown, detector: null as SelfIdentificationDetector | null }));
  if (cache.detector && cache.catalog === catalog.length) return cache.detector;
  const models = [...catalog.map((m) => ({ id: m.id, name: m.name })), ...SANDBOX_MODELS.map((m) => ({ id: `sandbox/${m.id}`, name: m.name }))];
  cache.detector = new SelfIdentificationDetector(buildIdentityTerms(models));
  cache.catalog = catalog.length;
  return cache.detector;
}
