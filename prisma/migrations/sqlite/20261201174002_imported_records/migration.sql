-- CreateTable
CREATE TABLE "ImportedRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "externalIncidentId" TEXT NOT NULL,
    "externalUpdateId" TEXT NOT NULL DEFAULT '',
    "incidentId" INTEGER NOT NULL,
    "postId" INTEGER,
    "importedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportedRecord_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportedRecord_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportedRecord_incidentId_idx" ON "ImportedRecord"("incidentId");

-- CreateIndex
CREATE INDEX "ImportedRecord_postId_idx" ON "ImportedRecord"("postId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedRecord_source_externalIncidentId_externalUpdateId_key" ON "ImportedRecord"("source", "externalIncidentId", "externalUpdateId");
