// A conversation's columns with their models' display names and whether each can still be
// called: a model whose provider was removed keeps its name in the header and says
// "model unavailable", instead of turning into a bare id.
import { presetSlugOf } from "../presets/apply-preset";
import { ModelNotFoundError, resolveCandidates } from "../router/resolve-model";
import { describeModel } from "../router/describe-model";
import type { ConversationDto } from "./api-types";

export function withColumnLabels(conversation: ConversationDto): ConversationDto {
  return { ...conversation, columns: conversation.columns.map((c) => ({ ...c, label: describeModel(c.modelId), available: isAvailable(c.modelId) })) };
}

function isAvailable(modelId: string): boolean {
  if (presetSlugOf(modelId) !== null) return true;
  try {
    resolveCandidates(modelId);
    return true;
  } catch (error) {
    if (error instanceof ModelNotFoundError) return false;
    throw error;
  }
}
