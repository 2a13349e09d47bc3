-- AlterTable
ALTER TABLE "EvalRun" ADD COLUMN     "concurrency" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "maxTokens" INTEGER,
ADD COLUMN     "resumes" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "EvalRun_status_leaseUntil_idx" ON "EvalRun"("status", "leaseUntil");

