-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN     "refused" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "LoginThrottle_lastFailureAt_idx" ON "LoginThrottle"("lastFailureAt");
