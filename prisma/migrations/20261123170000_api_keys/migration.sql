-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "completionText" TEXT;
ALTER TABLE "Generation" ADD COLUMN "promptText" TEXT;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_userId_createdAt_idx" ON "ApiKey"("userId", "createdAt");

