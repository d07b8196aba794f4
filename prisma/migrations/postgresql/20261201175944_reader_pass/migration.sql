-- CreateTable
CREATE TABLE "ReaderPass" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "tokenHash" TEXT,
    "email" TEXT,
    "sessionEpoch" INTEGER NOT NULL,
    "feedEpoch" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "ReaderPass_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReaderPass_tokenHash_key" ON "ReaderPass"("tokenHash");

-- CreateIndex
CREATE INDEX "ReaderPass_kind_expiresAt_idx" ON "ReaderPass"("kind", "expiresAt");
