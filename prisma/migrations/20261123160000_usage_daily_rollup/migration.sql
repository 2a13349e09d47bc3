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

    PRIMARY KEY ("userId", "day", "modelId", "provider")
);

-- CreateIndex
CREATE INDEX "Generation_userId_modelId_createdAt_id_idx" ON "Generation"("userId", "modelId", "createdAt", "id");

-- Existing hourly rollups have no daily twin yet: start the rollups over from the ledger.
DELETE FROM "UsageHourlyRollup";
DELETE FROM "UsageRollupState";
