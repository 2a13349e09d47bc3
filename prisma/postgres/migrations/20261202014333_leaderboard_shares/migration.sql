-- CreateTable
CREATE TABLE "LeaderboardShare" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderboardShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LeaderboardShare_token_key" ON "LeaderboardShare"("token");

-- CreateIndex
CREATE INDEX "LeaderboardShare_userId_createdAt_idx" ON "LeaderboardShare"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "LeaderboardShare" ADD CONSTRAINT "LeaderboardShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

