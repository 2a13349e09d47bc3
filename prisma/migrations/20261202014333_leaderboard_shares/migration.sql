-- CreateTable
CREATE TABLE "LeaderboardShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeaderboardShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LeaderboardShare_token_key" ON "LeaderboardShare"("token");

-- CreateIndex
CREATE INDEX "LeaderboardShare_userId_createdAt_idx" ON "LeaderboardShare"("userId", "createdAt");

