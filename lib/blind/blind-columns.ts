// The columns of a new blind comparison: the picked models shuffled, or `count` distinct models
// drawn at random from a pool (a saved set, or every usable model). Chosen on the server with
// crypto randomness, so the page never knows the order.
import { randomInt } from "node:crypto";
import type { ChatRequestBody, ColumnSettings } from "../chat/api-types";
import { AppError } from "../errors";
import { listModelOptions } from "../router/model-options";

export async function blindColumns(body: ChatRequestBody): Promise<ColumnSettings[]> {
  if (body.random) {
    const pool = [...new Set(body.random.pool ?? (await listModelOptions()).map((m) => m.id))];
    if (pool.length < body.random.count) throw new AppError(400, `The pool has ${pool.length} models; ${body.random.count} were asked for`, "invalid_request", "random.count");
    return shuffle(pool).slice(0, body.random.count).map((modelId) => ({ modelId }));
  }
  if (!body.columns || body.columns.length < 2) throw new AppError(400, "A blind comparison needs at least two models", "invalid_request", "columns");
  return shuffle(body.columns);
}

/** Fisher–Yates. */
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
