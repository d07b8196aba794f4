-- CreateTable
CREATE TABLE "ReaderPass" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "tokenHash" TEXT,
    "email" TEXT,
    "sessionEpoch" INTEGER NOT NULL,
    "feedEpoch" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "ReaderPass_tokenHash_key" ON "ReaderPass"("tokenHash");

-- CreateIndex
CREATE INDEX "ReaderPass_kind_expiresAt_idx" ON "ReaderPass"("kind", "expiresAt");
