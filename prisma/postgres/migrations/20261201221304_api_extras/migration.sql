-- CreateTable
CREATE TABLE "Preset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "team" BOOLEAN NOT NULL DEFAULT false,
    "models" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '{}',
    "parameters" TEXT NOT NULL DEFAULT '{}',
    "systemPrompt" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Preset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponseCacheEntry" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "upstreamModel" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "usage" TEXT NOT NULL,
    "costPico" BIGINT NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResponseCacheEntry_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Generation" ADD COLUMN "priceCacheWritePico" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "cacheSavingsPico" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "responseCacheHit" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "savedPromptTokens" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "savedCompletionTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageHourlyRollup" ADD COLUMN "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "cacheSavingsPico" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "responseCacheHits" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "UsageDailyModelRollup" ADD COLUMN "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "cacheSavingsPico" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "responseCacheHits" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "ApiKey" ADD COLUMN "responseCache" BOOLEAN NOT NULL DEFAULT false;

-- Backfill: past rows' cache-write price is their prompt price (no separate price was known),
-- and their prompt-cache savings follow from the price snapshot they already keep.
UPDATE "Generation" SET "priceCacheWritePico" = "pricePromptPico";
UPDATE "Generation" SET "cacheSavingsPico" = "cachedTokens" * ("pricePromptPico" - "priceCachedPico") WHERE "cachedTokens" > 0;

-- The rollups gain measures: their triggers and contents are rebuilt with them in
-- 20261202004000_rollup_cache_measures.

-- CreateIndex
CREATE INDEX "Preset_team_slug_idx" ON "Preset"("team", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Preset_userId_slug_key" ON "Preset"("userId", "slug");

-- CreateIndex
CREATE INDEX "ResponseCacheEntry_expiresAt_idx" ON "ResponseCacheEntry"("expiresAt");
