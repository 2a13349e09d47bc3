-- CreateTable
CREATE TABLE "EvalSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prompts" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvalSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvalRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "models" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "costCapPico" BIGINT NOT NULL,
    "estimatePico" BIGINT NOT NULL,
    "spentPico" BIGINT NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "conversationIds" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvalRun_setId_fkey" FOREIGN KEY ("setId") REFERENCES "EvalSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EvalSet_userId_updatedAt_idx" ON "EvalSet"("userId", "updatedAt");

-- CreateIndex
CREATE INDEX "EvalRun_setId_createdAt_idx" ON "EvalRun"("setId", "createdAt");

