-- CreateTable
CREATE TABLE "IncidentInternalEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authorId" INTEGER,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "linkTitle" TEXT,
    "linkUrl" TEXT,
    "fromUserId" INTEGER,
    "toUserId" INTEGER,
    "systemCode" TEXT,
    "environment" TEXT,
    CONSTRAINT "IncidentInternalEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncidentInternalEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IncidentInternalEntry_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IncidentInternalEntry_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deploy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "service" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "previousVersion" TEXT,
    "environment" TEXT NOT NULL,
    "url" TEXT,
    "deployedBy" TEXT NOT NULL,
    "deployedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedByTokenId" INTEGER,
    "recordedByUserId" INTEGER,
    "recordedByLabel" TEXT NOT NULL,
    "forcedThroughGate" BOOLEAN NOT NULL DEFAULT false,
    "forcedBy" TEXT,
    CONSTRAINT "Deploy_recordedByTokenId_fkey" FOREIGN KEY ("recordedByTokenId") REFERENCES "ApiToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Deploy_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeployFreeze" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "environment" TEXT NOT NULL,
    "frozenAt" DATETIME NOT NULL,
    "frozenById" INTEGER,
    "frozenByLabel" TEXT NOT NULL,
    "incidentId" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "liftedAt" DATETIME,
    "liftedById" INTEGER,
    "liftedByLabel" TEXT,
    CONSTRAINT "DeployFreeze_frozenById_fkey" FOREIGN KEY ("frozenById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DeployFreeze_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DeployFreeze_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incident" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'incident',
    "openedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "scheduledStartAt" DATETIME,
    "scheduledEndAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "commanderId" INTEGER,
    CONSTRAINT "Incident_commanderId_fkey" FOREIGN KEY ("commanderId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Incident" ("createdAt", "deletedAt", "id", "kind", "number", "openedAt", "resolvedAt", "scheduledEndAt", "scheduledStartAt", "title", "updatedAt") SELECT "createdAt", "deletedAt", "id", "kind", "number", "openedAt", "resolvedAt", "scheduledEndAt", "scheduledStartAt", "title", "updatedAt" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");
CREATE INDEX "Incident_resolvedAt_idx" ON "Incident"("resolvedAt");
CREATE INDEX "Incident_openedAt_idx" ON "Incident"("openedAt");
CREATE INDEX "Incident_kind_scheduledStartAt_idx" ON "Incident"("kind", "scheduledStartAt");
CREATE INDEX "Incident_kind_openedAt_idx" ON "Incident"("kind", "openedAt");
CREATE INDEX "Incident_kind_resolvedAt_idx" ON "Incident"("kind", "resolvedAt");
CREATE INDEX "Incident_kind_scheduledEndAt_idx" ON "Incident"("kind", "scheduledEndAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "IncidentInternalEntry_incidentId_occurredAt_idx" ON "IncidentInternalEntry"("incidentId", "occurredAt");

-- CreateIndex
CREATE INDEX "Deploy_service_environment_deployedAt_idx" ON "Deploy"("service", "environment", "deployedAt");

-- CreateIndex
CREATE INDEX "Deploy_environment_deployedAt_idx" ON "Deploy"("environment", "deployedAt");

-- CreateIndex
CREATE INDEX "DeployFreeze_environment_liftedAt_idx" ON "DeployFreeze"("environment", "liftedAt");

-- CreateIndex
CREATE INDEX "DeployFreeze_incidentId_idx" ON "DeployFreeze"("incidentId");
