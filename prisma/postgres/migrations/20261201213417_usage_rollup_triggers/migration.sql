-- DropTable
DROP TABLE "UsageRollupState";

-- CreateTable
CREATE TABLE "UsageConversationRollup" (
    "userId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "conversationId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "promptTokens" BIGINT NOT NULL,
    "completionTokens" BIGINT NOT NULL,
    "reasoningTokens" BIGINT NOT NULL,
    "cachedTokens" BIGINT NOT NULL,
    "costPico" BIGINT NOT NULL,
    "ttftSumMs" BIGINT NOT NULL,
    "ttftCount" BIGINT NOT NULL,
    "speedTokens" BIGINT NOT NULL,
    "speedMs" BIGINT NOT NULL,

    CONSTRAINT "UsageConversationRollup_pkey" PRIMARY KEY ("userId","day","conversationId","modelId","provider","source","status","apiKeyId")
);


-- The rollups are updated in place as calls finish: leave room on each page for the new row
-- versions, so updates stay on their page (HOT) and the tables do not bloat between vacuums.
ALTER TABLE "UsageHourlyRollup" SET (fillfactor = 70);
ALTER TABLE "UsageDailyModelRollup" SET (fillfactor = 70);
ALTER TABLE "UsageConversationRollup" SET (fillfactor = 70);

-- The rollups are no longer sealed on read: triggers on "Generation" keep them equal to the
-- ledger as rows arrive (lib/db/usage-rollup-triggers.ts). Rebuild them once from the ledger,
-- then install the triggers.
DELETE FROM "UsageHourlyRollup";
INSERT INTO "UsageHourlyRollup" ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
  SELECT g."userId" AS "userId", FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 3600 AS "hour", g."modelId" AS "modelId", g."provider" AS "provider", g."source" AS "source", g."status" AS "status", COALESCE(g."apiKeyId", '') AS "apiKeyId", SUM(1), SUM(g."promptTokens"), SUM(g."completionTokens"), SUM(g."reasoningTokens"), SUM(g."cachedTokens"), SUM(g."costPico"), SUM(COALESCE(g."ttftMs", 0)), SUM(CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END) FROM "Generation" g GROUP BY 1, 2, 3, 4, 5, 6, 7;
DELETE FROM "UsageDailyModelRollup";
INSERT INTO "UsageDailyModelRollup" ("userId", "day", "modelId", "provider", "requests", "errors", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
  SELECT g."userId" AS "userId", FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 86400 AS "day", g."modelId" AS "modelId", g."provider" AS "provider", SUM(1), SUM(CASE WHEN g."status" = 'error' THEN 1 ELSE 0 END), SUM(g."promptTokens"), SUM(g."completionTokens"), SUM(g."reasoningTokens"), SUM(g."cachedTokens"), SUM(g."costPico"), SUM(COALESCE(g."ttftMs", 0)), SUM(CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END) FROM "Generation" g GROUP BY 1, 2, 3, 4;
DELETE FROM "UsageConversationRollup";
INSERT INTO "UsageConversationRollup" ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
  SELECT g."userId" AS "userId", FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 86400 AS "day", COALESCE(g."conversationId", '') AS "conversationId", g."modelId" AS "modelId", g."provider" AS "provider", g."source" AS "source", g."status" AS "status", COALESCE(g."apiKeyId", '') AS "apiKeyId", SUM(1), SUM(g."promptTokens"), SUM(g."completionTokens"), SUM(g."reasoningTokens"), SUM(g."cachedTokens"), SUM(g."costPico"), SUM(COALESCE(g."ttftMs", 0)), SUM(CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END) FROM "Generation" g GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE FUNCTION "usage_rollup_apply"(g "Generation", factor INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "UsageHourlyRollup" ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (g."userId", FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 3600, g."modelId", g."provider", g."source", g."status", COALESCE(g."apiKeyId", ''), factor * (1), factor * (g."promptTokens"), factor * (g."completionTokens"), factor * (g."reasoningTokens"), factor * (g."cachedTokens"), factor * (g."costPico"), factor * (COALESCE(g."ttftMs", 0)), factor * (CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), factor * (CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), factor * (CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END))
    ON CONFLICT ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId") DO UPDATE SET "requests" = "UsageHourlyRollup"."requests" + excluded."requests", "promptTokens" = "UsageHourlyRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageHourlyRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageHourlyRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageHourlyRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageHourlyRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageHourlyRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageHourlyRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageHourlyRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageHourlyRollup"."speedMs" + excluded."speedMs";
  INSERT INTO "UsageDailyModelRollup" ("userId", "day", "modelId", "provider", "requests", "errors", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (g."userId", FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 86400, g."modelId", g."provider", factor * (1), factor * (CASE WHEN g."status" = 'error' THEN 1 ELSE 0 END), factor * (g."promptTokens"), factor * (g."completionTokens"), factor * (g."reasoningTokens"), factor * (g."cachedTokens"), factor * (g."costPico"), factor * (COALESCE(g."ttftMs", 0)), factor * (CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), factor * (CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), factor * (CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END))
    ON CONFLICT ("userId", "day", "modelId", "provider") DO UPDATE SET "requests" = "UsageDailyModelRollup"."requests" + excluded."requests", "errors" = "UsageDailyModelRollup"."errors" + excluded."errors", "promptTokens" = "UsageDailyModelRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageDailyModelRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageDailyModelRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageDailyModelRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageDailyModelRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageDailyModelRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageDailyModelRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageDailyModelRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageDailyModelRollup"."speedMs" + excluded."speedMs";
  INSERT INTO "UsageConversationRollup" ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (g."userId", FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 86400, COALESCE(g."conversationId", ''), g."modelId", g."provider", g."source", g."status", COALESCE(g."apiKeyId", ''), factor * (1), factor * (g."promptTokens"), factor * (g."completionTokens"), factor * (g."reasoningTokens"), factor * (g."cachedTokens"), factor * (g."costPico"), factor * (COALESCE(g."ttftMs", 0)), factor * (CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), factor * (CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), factor * (CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END))
    ON CONFLICT ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId") DO UPDATE SET "requests" = "UsageConversationRollup"."requests" + excluded."requests", "promptTokens" = "UsageConversationRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageConversationRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageConversationRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageConversationRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageConversationRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageConversationRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageConversationRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageConversationRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageConversationRollup"."speedMs" + excluded."speedMs";
  IF factor < 0 THEN
    DELETE FROM "UsageHourlyRollup" WHERE "userId" = g."userId" AND "hour" = FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 3600 AND "modelId" = g."modelId" AND "provider" = g."provider" AND "source" = g."source" AND "status" = g."status" AND "apiKeyId" = COALESCE(g."apiKeyId", '') AND "requests" = 0;
    DELETE FROM "UsageDailyModelRollup" WHERE "userId" = g."userId" AND "day" = FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 86400 AND "modelId" = g."modelId" AND "provider" = g."provider" AND "requests" = 0;
    DELETE FROM "UsageConversationRollup" WHERE "userId" = g."userId" AND "day" = FLOOR(EXTRACT(EPOCH FROM g."createdAt"))::bigint / 86400 AND "conversationId" = COALESCE(g."conversationId", '') AND "modelId" = g."modelId" AND "provider" = g."provider" AND "source" = g."source" AND "status" = g."status" AND "apiKeyId" = COALESCE(g."apiKeyId", '') AND "requests" = 0;
  END IF;
END $$;

CREATE FUNCTION "Generation_usage_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM "usage_rollup_apply"(NEW, 1); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM "usage_rollup_apply"(OLD, -1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Generation_usage_rollup" AFTER INSERT OR DELETE OR UPDATE OF "userId", "createdAt", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftMs", "totalMs" ON "Generation"
  FOR EACH ROW EXECUTE FUNCTION "Generation_usage_rollup"();
