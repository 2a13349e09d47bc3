-- Responses API answers kept for previous_response_id (and GET/DELETE /api/v1/responses/:id).
-- CreateTable
CREATE TABLE "StoredResponse" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "messages" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoredResponse_userId_createdAt_idx" ON "StoredResponse"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "StoredResponse_createdAt_idx" ON "StoredResponse"("createdAt");

-- AddForeignKey
ALTER TABLE "StoredResponse" ADD CONSTRAINT "StoredResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
