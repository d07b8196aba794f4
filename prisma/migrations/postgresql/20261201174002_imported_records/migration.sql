-- CreateTable
CREATE TABLE "ImportedRecord" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "externalIncidentId" TEXT NOT NULL,
    "externalUpdateId" TEXT NOT NULL DEFAULT '',
    "incidentId" INTEGER NOT NULL,
    "postId" INTEGER,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportedRecord_incidentId_idx" ON "ImportedRecord"("incidentId");

-- CreateIndex
CREATE INDEX "ImportedRecord_postId_idx" ON "ImportedRecord"("postId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedRecord_source_externalIncidentId_externalUpdateId_key" ON "ImportedRecord"("source", "externalIncidentId", "externalUpdateId");

-- AddForeignKey
ALTER TABLE "ImportedRecord" ADD CONSTRAINT "ImportedRecord_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRecord" ADD CONSTRAINT "ImportedRecord_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
