-- Postgres twin of prisma/migrations/20261123150000_usage_rollups (prisma migrate diff, provider postgresql).
-- DropIndex
DROP INDEX "Generation_userId_createdAt_idx";

-- DropIndex
DROP INDEX "Generation_conversationId_idx";

-- CreateTable
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

    CONSTRAINT "UsageHourlyRollup_pkey" PRIMARY KEY ("userId","hour","modelId","provider","source","status","apiKeyId")
);

-- CreateTable
CREATE TABLE "UsageRollupState" (
    "id" INTEGER NOT NULL,
    "sealedUntilHour" INTEGER NOT NULL,

    CONSTRAINT "UsageRollupState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Generation_userId_createdAt_id_idx" ON "Generation"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Generation_status_createdAt_idx" ON "Generation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Generation_conversationId_createdAt_idx" ON "Generation"("conversationId", "createdAt");

