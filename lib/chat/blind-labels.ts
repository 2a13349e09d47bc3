// How a blind comparison names its columns: "Model A", "Model B", … by position, and the
// placeholder model id the page receives instead of the real one ("blind/model-a").
const LETTERS = "ABCDEFGHIJKLMNOP";

export const BLIND_PROVIDER = "blind";

export function blindLabel(position: number): string {
  return `Model ${LETTERS[position] ?? String(position + 1)}`;
}

export function blindModelId(position: number): string {
  return `${BLIND_PROVIDER}/model-${(LETTERS[position] ?? String(position + 1)).toLowerCase()}`;
}

export function isBlindModelId(modelId: string): boolean {
  return modelId.startsWith(`${BLIND_PROVIDER}/`);
}

/** "blind/model-b" → "Model B". */
export function labelOfBlindModelId(modelId: string): string {
  return `Model ${modelId.slice(BLIND_PROVIDER.length + "/model-".length).toUpperCase()}`;
}
