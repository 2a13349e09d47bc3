-- Postgres twin of prisma/migrations/20261123160000_usage_daily_rollup (prisma migrate diff, provider postgresql).
-- CreateTable
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

    CONSTRAINT "UsageDailyModelRollup_pkey" PRIMARY KEY ("userId","day","modelId","provider")
);

-- CreateIndex
CREATE INDEX "Generation_userId_modelId_createdAt_id_idx" ON "Generation"("userId", "modelId", "createdAt", "id");


-- The daily rollup is rebuilt from the hourly one: start both over.
DELETE FROM "UsageHourlyRollup";
DELETE FROM "UsageRollupState";
