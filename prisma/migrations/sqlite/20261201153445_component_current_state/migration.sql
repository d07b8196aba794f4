-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "currentStateAt" DATETIME;

-- CreateTable
CREATE TABLE "ComponentCurrentState" (
    "incidentId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "postId" INTEGER NOT NULL,

    PRIMARY KEY ("incidentId", "componentId"),
    CONSTRAINT "ComponentCurrentState_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComponentCurrentState_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ComponentCurrentState_componentId_idx" ON "ComponentCurrentState"("componentId");
