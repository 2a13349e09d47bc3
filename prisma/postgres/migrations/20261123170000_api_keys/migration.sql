-- Postgres twin of prisma/migrations/20261123170000_api_keys (prisma migrate diff, provider postgresql).
-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "completionText" TEXT,
ADD COLUMN     "promptText" TEXT;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "creditLimitPico" BIGINT,
    "creditReset" TEXT NOT NULL DEFAULT 'never',
    "rpm" INTEGER,
    "rpd" INTEGER,
    "tpm" INTEGER,
    "logPrompts" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_userId_createdAt_idx" ON "ApiKey"("userId", "createdAt");

