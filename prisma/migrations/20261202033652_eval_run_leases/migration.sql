-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EvalRun" (
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
    "concurrency" INTEGER NOT NULL DEFAULT 2,
    "maxTokens" INTEGER,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "resumes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvalRun_setId_fkey" FOREIGN KEY ("setId") REFERENCES "EvalSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EvalRun" ("completed", "conversationIds", "costCapPico", "createdAt", "error", "estimatePico", "id", "models", "setId", "spentPico", "status", "total", "updatedAt", "userId") SELECT "completed", "conversationIds", "costCapPico", "createdAt", "error", "estimatePico", "id", "models", "setId", "spentPico", "status", "total", "updatedAt", "userId" FROM "EvalRun";
DROP TABLE "EvalRun";
ALTER TABLE "new_EvalRun" RENAME TO "EvalRun";
CREATE INDEX "EvalRun_setId_createdAt_idx" ON "EvalRun"("setId", "createdAt");
CREATE INDEX "EvalRun_status_leaseUntil_idx" ON "EvalRun"("status", "leaseUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

