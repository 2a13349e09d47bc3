-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "UsageRollupState";
PRAGMA foreign_keys=on;

-- CreateTable (WITHOUT ROWID: rows stored in key order, so a range of days is read together)
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

    PRIMARY KEY ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId")
) WITHOUT ROWID;

-- The hourly and daily rollups become WITHOUT ROWID too (rebuilt below anyway): their rows
-- are stored in key order, so a range of hours is read together whatever order rows came in.
DROP TABLE "UsageHourlyRollup";
CREATE TABLE "UsageHourlyRollup" (
    "userId" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "modelId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL DEFAULT '',
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

    PRIMARY KEY ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId")
) WITHOUT ROWID;
DROP TABLE "UsageDailyModelRollup";
CREATE TABLE "UsageDailyModelRollup" (
    "userId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "modelId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "errors" BIGINT NOT NULL,
    "promptTokens" BIGINT NOT NULL,
    "completionTokens" BIGINT NOT NULL,
    "reasoningTokens" BIGINT NOT NULL,
    "cachedTokens" BIGINT NOT NULL,
    "costPico" BIGINT NOT NULL,
    "ttftSumMs" BIGINT NOT NULL,
    "ttftCount" BIGINT NOT NULL,
    "speedTokens" BIGINT NOT NULL,
    "speedMs" BIGINT NOT NULL,

    PRIMARY KEY ("userId", "day", "modelId", "provider")
) WITHOUT ROWID;

-- The rollups are no longer sealed on read: triggers on "Generation" keep them equal to the
-- ledger as rows arrive (lib/db/usage-rollup-triggers.ts). Rebuild them once from the ledger,
-- then install the triggers.
DELETE FROM "UsageHourlyRollup";
INSERT INTO "UsageHourlyRollup" ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
  SELECT g."userId" AS "userId", unixepoch(g."createdAt") / 3600 AS "hour", g."modelId" AS "modelId", g."provider" AS "provider", g."source" AS "source", g."status" AS "status", COALESCE(g."apiKeyId", '') AS "apiKeyId", SUM(1), SUM(g."promptTokens"), SUM(g."completionTokens"), SUM(g."reasoningTokens"), SUM(g."cachedTokens"), SUM(g."costPico"), SUM(COALESCE(g."ttftMs", 0)), SUM(CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END) FROM "Generation" g GROUP BY 1, 2, 3, 4, 5, 6, 7;
DELETE FROM "UsageDailyModelRollup";
INSERT INTO "UsageDailyModelRollup" ("userId", "day", "modelId", "provider", "requests", "errors", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
  SELECT g."userId" AS "userId", unixepoch(g."createdAt") / 86400 AS "day", g."modelId" AS "modelId", g."provider" AS "provider", SUM(1), SUM(CASE WHEN g."status" = 'error' THEN 1 ELSE 0 END), SUM(g."promptTokens"), SUM(g."completionTokens"), SUM(g."reasoningTokens"), SUM(g."cachedTokens"), SUM(g."costPico"), SUM(COALESCE(g."ttftMs", 0)), SUM(CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END) FROM "Generation" g GROUP BY 1, 2, 3, 4;
DELETE FROM "UsageConversationRollup";
INSERT INTO "UsageConversationRollup" ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
  SELECT g."userId" AS "userId", unixepoch(g."createdAt") / 86400 AS "day", COALESCE(g."conversationId", '') AS "conversationId", g."modelId" AS "modelId", g."provider" AS "provider", g."source" AS "source", g."status" AS "status", COALESCE(g."apiKeyId", '') AS "apiKeyId", SUM(1), SUM(g."promptTokens"), SUM(g."completionTokens"), SUM(g."reasoningTokens"), SUM(g."cachedTokens"), SUM(g."costPico"), SUM(COALESCE(g."ttftMs", 0)), SUM(CASE WHEN g."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."completionTokens" ELSE 0 END), SUM(CASE WHEN g."status" = 'done' AND g."totalMs" > COALESCE(g."ttftMs", 0) THEN g."totalMs" - COALESCE(g."ttftMs", 0) ELSE 0 END) FROM "Generation" g GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TRIGGER "Generation_usage_insert" AFTER INSERT ON "Generation" BEGIN
  INSERT INTO "UsageHourlyRollup" ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (NEW."userId", unixepoch(NEW."createdAt") / 3600, NEW."modelId", NEW."provider", NEW."source", NEW."status", COALESCE(NEW."apiKeyId", ''), 1, NEW."promptTokens", NEW."completionTokens", NEW."reasoningTokens", NEW."cachedTokens", NEW."costPico", COALESCE(NEW."ttftMs", 0), CASE WHEN NEW."ttftMs" IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."completionTokens" ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."totalMs" - COALESCE(NEW."ttftMs", 0) ELSE 0 END)
    ON CONFLICT ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId") DO UPDATE SET "requests" = "UsageHourlyRollup"."requests" + excluded."requests", "promptTokens" = "UsageHourlyRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageHourlyRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageHourlyRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageHourlyRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageHourlyRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageHourlyRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageHourlyRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageHourlyRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageHourlyRollup"."speedMs" + excluded."speedMs";
  INSERT INTO "UsageDailyModelRollup" ("userId", "day", "modelId", "provider", "requests", "errors", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (NEW."userId", unixepoch(NEW."createdAt") / 86400, NEW."modelId", NEW."provider", 1, CASE WHEN NEW."status" = 'error' THEN 1 ELSE 0 END, NEW."promptTokens", NEW."completionTokens", NEW."reasoningTokens", NEW."cachedTokens", NEW."costPico", COALESCE(NEW."ttftMs", 0), CASE WHEN NEW."ttftMs" IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."completionTokens" ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."totalMs" - COALESCE(NEW."ttftMs", 0) ELSE 0 END)
    ON CONFLICT ("userId", "day", "modelId", "provider") DO UPDATE SET "requests" = "UsageDailyModelRollup"."requests" + excluded."requests", "errors" = "UsageDailyModelRollup"."errors" + excluded."errors", "promptTokens" = "UsageDailyModelRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageDailyModelRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageDailyModelRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageDailyModelRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageDailyModelRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageDailyModelRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageDailyModelRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageDailyModelRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageDailyModelRollup"."speedMs" + excluded."speedMs";
  INSERT INTO "UsageConversationRollup" ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (NEW."userId", unixepoch(NEW."createdAt") / 86400, COALESCE(NEW."conversationId", ''), NEW."modelId", NEW."provider", NEW."source", NEW."status", COALESCE(NEW."apiKeyId", ''), 1, NEW."promptTokens", NEW."completionTokens", NEW."reasoningTokens", NEW."cachedTokens", NEW."costPico", COALESCE(NEW."ttftMs", 0), CASE WHEN NEW."ttftMs" IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."completionTokens" ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."totalMs" - COALESCE(NEW."ttftMs", 0) ELSE 0 END)
    ON CONFLICT ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId") DO UPDATE SET "requests" = "UsageConversationRollup"."requests" + excluded."requests", "promptTokens" = "UsageConversationRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageConversationRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageConversationRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageConversationRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageConversationRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageConversationRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageConversationRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageConversationRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageConversationRollup"."speedMs" + excluded."speedMs";
END;

CREATE TRIGGER "Generation_usage_delete" AFTER DELETE ON "Generation" BEGIN
  UPDATE "UsageHourlyRollup" SET "requests" = "requests" - (1), "promptTokens" = "promptTokens" - (OLD."promptTokens"), "completionTokens" = "completionTokens" - (OLD."completionTokens"), "reasoningTokens" = "reasoningTokens" - (OLD."reasoningTokens"), "cachedTokens" = "cachedTokens" - (OLD."cachedTokens"), "costPico" = "costPico" - (OLD."costPico"), "ttftSumMs" = "ttftSumMs" - (COALESCE(OLD."ttftMs", 0)), "ttftCount" = "ttftCount" - (CASE WHEN OLD."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), "speedTokens" = "speedTokens" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."completionTokens" ELSE 0 END), "speedMs" = "speedMs" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."totalMs" - COALESCE(OLD."ttftMs", 0) ELSE 0 END) WHERE "userId" = OLD."userId" AND "hour" = unixepoch(OLD."createdAt") / 3600 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '');
  DELETE FROM "UsageHourlyRollup" WHERE "userId" = OLD."userId" AND "hour" = unixepoch(OLD."createdAt") / 3600 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '') AND "requests" = 0;
  UPDATE "UsageDailyModelRollup" SET "requests" = "requests" - (1), "errors" = "errors" - (CASE WHEN OLD."status" = 'error' THEN 1 ELSE 0 END), "promptTokens" = "promptTokens" - (OLD."promptTokens"), "completionTokens" = "completionTokens" - (OLD."completionTokens"), "reasoningTokens" = "reasoningTokens" - (OLD."reasoningTokens"), "cachedTokens" = "cachedTokens" - (OLD."cachedTokens"), "costPico" = "costPico" - (OLD."costPico"), "ttftSumMs" = "ttftSumMs" - (COALESCE(OLD."ttftMs", 0)), "ttftCount" = "ttftCount" - (CASE WHEN OLD."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), "speedTokens" = "speedTokens" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."completionTokens" ELSE 0 END), "speedMs" = "speedMs" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."totalMs" - COALESCE(OLD."ttftMs", 0) ELSE 0 END) WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider";
  DELETE FROM "UsageDailyModelRollup" WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "requests" = 0;
  UPDATE "UsageConversationRollup" SET "requests" = "requests" - (1), "promptTokens" = "promptTokens" - (OLD."promptTokens"), "completionTokens" = "completionTokens" - (OLD."completionTokens"), "reasoningTokens" = "reasoningTokens" - (OLD."reasoningTokens"), "cachedTokens" = "cachedTokens" - (OLD."cachedTokens"), "costPico" = "costPico" - (OLD."costPico"), "ttftSumMs" = "ttftSumMs" - (COALESCE(OLD."ttftMs", 0)), "ttftCount" = "ttftCount" - (CASE WHEN OLD."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), "speedTokens" = "speedTokens" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."completionTokens" ELSE 0 END), "speedMs" = "speedMs" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."totalMs" - COALESCE(OLD."ttftMs", 0) ELSE 0 END) WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "conversationId" = COALESCE(OLD."conversationId", '') AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '');
  DELETE FROM "UsageConversationRollup" WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "conversationId" = COALESCE(OLD."conversationId", '') AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '') AND "requests" = 0;
END;

CREATE TRIGGER "Generation_usage_update" AFTER UPDATE OF "userId", "createdAt", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftMs", "totalMs" ON "Generation" BEGIN
  INSERT INTO "UsageHourlyRollup" ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (NEW."userId", unixepoch(NEW."createdAt") / 3600, NEW."modelId", NEW."provider", NEW."source", NEW."status", COALESCE(NEW."apiKeyId", ''), 1, NEW."promptTokens", NEW."completionTokens", NEW."reasoningTokens", NEW."cachedTokens", NEW."costPico", COALESCE(NEW."ttftMs", 0), CASE WHEN NEW."ttftMs" IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."completionTokens" ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."totalMs" - COALESCE(NEW."ttftMs", 0) ELSE 0 END)
    ON CONFLICT ("userId", "hour", "modelId", "provider", "source", "status", "apiKeyId") DO UPDATE SET "requests" = "UsageHourlyRollup"."requests" + excluded."requests", "promptTokens" = "UsageHourlyRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageHourlyRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageHourlyRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageHourlyRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageHourlyRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageHourlyRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageHourlyRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageHourlyRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageHourlyRollup"."speedMs" + excluded."speedMs";
  INSERT INTO "UsageDailyModelRollup" ("userId", "day", "modelId", "provider", "requests", "errors", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (NEW."userId", unixepoch(NEW."createdAt") / 86400, NEW."modelId", NEW."provider", 1, CASE WHEN NEW."status" = 'error' THEN 1 ELSE 0 END, NEW."promptTokens", NEW."completionTokens", NEW."reasoningTokens", NEW."cachedTokens", NEW."costPico", COALESCE(NEW."ttftMs", 0), CASE WHEN NEW."ttftMs" IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."completionTokens" ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."totalMs" - COALESCE(NEW."ttftMs", 0) ELSE 0 END)
    ON CONFLICT ("userId", "day", "modelId", "provider") DO UPDATE SET "requests" = "UsageDailyModelRollup"."requests" + excluded."requests", "errors" = "UsageDailyModelRollup"."errors" + excluded."errors", "promptTokens" = "UsageDailyModelRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageDailyModelRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageDailyModelRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageDailyModelRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageDailyModelRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageDailyModelRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageDailyModelRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageDailyModelRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageDailyModelRollup"."speedMs" + excluded."speedMs";
  INSERT INTO "UsageConversationRollup" ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "requests", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs")
    VALUES (NEW."userId", unixepoch(NEW."createdAt") / 86400, COALESCE(NEW."conversationId", ''), NEW."modelId", NEW."provider", NEW."source", NEW."status", COALESCE(NEW."apiKeyId", ''), 1, NEW."promptTokens", NEW."completionTokens", NEW."reasoningTokens", NEW."cachedTokens", NEW."costPico", COALESCE(NEW."ttftMs", 0), CASE WHEN NEW."ttftMs" IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."completionTokens" ELSE 0 END, CASE WHEN NEW."status" = 'done' AND NEW."totalMs" > COALESCE(NEW."ttftMs", 0) THEN NEW."totalMs" - COALESCE(NEW."ttftMs", 0) ELSE 0 END)
    ON CONFLICT ("userId", "day", "conversationId", "modelId", "provider", "source", "status", "apiKeyId") DO UPDATE SET "requests" = "UsageConversationRollup"."requests" + excluded."requests", "promptTokens" = "UsageConversationRollup"."promptTokens" + excluded."promptTokens", "completionTokens" = "UsageConversationRollup"."completionTokens" + excluded."completionTokens", "reasoningTokens" = "UsageConversationRollup"."reasoningTokens" + excluded."reasoningTokens", "cachedTokens" = "UsageConversationRollup"."cachedTokens" + excluded."cachedTokens", "costPico" = "UsageConversationRollup"."costPico" + excluded."costPico", "ttftSumMs" = "UsageConversationRollup"."ttftSumMs" + excluded."ttftSumMs", "ttftCount" = "UsageConversationRollup"."ttftCount" + excluded."ttftCount", "speedTokens" = "UsageConversationRollup"."speedTokens" + excluded."speedTokens", "speedMs" = "UsageConversationRollup"."speedMs" + excluded."speedMs";
  UPDATE "UsageHourlyRollup" SET "requests" = "requests" - (1), "promptTokens" = "promptTokens" - (OLD."promptTokens"), "completionTokens" = "completionTokens" - (OLD."completionTokens"), "reasoningTokens" = "reasoningTokens" - (OLD."reasoningTokens"), "cachedTokens" = "cachedTokens" - (OLD."cachedTokens"), "costPico" = "costPico" - (OLD."costPico"), "ttftSumMs" = "ttftSumMs" - (COALESCE(OLD."ttftMs", 0)), "ttftCount" = "ttftCount" - (CASE WHEN OLD."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), "speedTokens" = "speedTokens" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."completionTokens" ELSE 0 END), "speedMs" = "speedMs" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."totalMs" - COALESCE(OLD."ttftMs", 0) ELSE 0 END) WHERE "userId" = OLD."userId" AND "hour" = unixepoch(OLD."createdAt") / 3600 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '');
  DELETE FROM "UsageHourlyRollup" WHERE "userId" = OLD."userId" AND "hour" = unixepoch(OLD."createdAt") / 3600 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '') AND "requests" = 0;
  UPDATE "UsageDailyModelRollup" SET "requests" = "requests" - (1), "errors" = "errors" - (CASE WHEN OLD."status" = 'error' THEN 1 ELSE 0 END), "promptTokens" = "promptTokens" - (OLD."promptTokens"), "completionTokens" = "completionTokens" - (OLD."completionTokens"), "reasoningTokens" = "reasoningTokens" - (OLD."reasoningTokens"), "cachedTokens" = "cachedTokens" - (OLD."cachedTokens"), "costPico" = "costPico" - (OLD."costPico"), "ttftSumMs" = "ttftSumMs" - (COALESCE(OLD."ttftMs", 0)), "ttftCount" = "ttftCount" - (CASE WHEN OLD."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), "speedTokens" = "speedTokens" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."completionTokens" ELSE 0 END), "speedMs" = "speedMs" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."totalMs" - COALESCE(OLD."ttftMs", 0) ELSE 0 END) WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider";
  DELETE FROM "UsageDailyModelRollup" WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "requests" = 0;
  UPDATE "UsageConversationRollup" SET "requests" = "requests" - (1), "promptTokens" = "promptTokens" - (OLD."promptTokens"), "completionTokens" = "completionTokens" - (OLD."completionTokens"), "reasoningTokens" = "reasoningTokens" - (OLD."reasoningTokens"), "cachedTokens" = "cachedTokens" - (OLD."cachedTokens"), "costPico" = "costPico" - (OLD."costPico"), "ttftSumMs" = "ttftSumMs" - (COALESCE(OLD."ttftMs", 0)), "ttftCount" = "ttftCount" - (CASE WHEN OLD."ttftMs" IS NOT NULL THEN 1 ELSE 0 END), "speedTokens" = "speedTokens" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."completionTokens" ELSE 0 END), "speedMs" = "speedMs" - (CASE WHEN OLD."status" = 'done' AND OLD."totalMs" > COALESCE(OLD."ttftMs", 0) THEN OLD."totalMs" - COALESCE(OLD."ttftMs", 0) ELSE 0 END) WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "conversationId" = COALESCE(OLD."conversationId", '') AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '');
  DELETE FROM "UsageConversationRollup" WHERE "userId" = OLD."userId" AND "day" = unixepoch(OLD."createdAt") / 86400 AND "conversationId" = COALESCE(OLD."conversationId", '') AND "modelId" = OLD."modelId" AND "provider" = OLD."provider" AND "source" = OLD."source" AND "status" = OLD."status" AND "apiKeyId" = COALESCE(OLD."apiKeyId", '') AND "requests" = 0;
END;
