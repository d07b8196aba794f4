-- CreateTable
CREATE TABLE "AlertIntegration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AlertIntegration_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "integrationId" INTEGER,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "matchers" JSONB NOT NULL,
    "componentIds" JSONB NOT NULL,
    "severityStates" JSONB NOT NULL,
    "fixedState" TEXT,
    "titleTemplate" TEXT NOT NULL,
    "bodyTemplate" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'draft',
    "resolveAutomatically" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AlertRule_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertPayload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "integrationId" INTEGER NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "bodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "alertCount" INTEGER NOT NULL DEFAULT 0,
    "truncatedCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AlertPayload_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "integrationId" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "annotations" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "generatorUrl" TEXT,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "statusChangedAt" DATETIME NOT NULL,
    "ruleId" INTEGER,
    "incidentId" INTEGER,
    "draftId" INTEGER,
    CONSTRAINT "Alert_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Alert_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Alert_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "AlertDraft" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertDraft" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "integrationId" INTEGER,
    "ruleId" INTEGER,
    "groupKey" TEXT NOT NULL,
    "incidentId" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "postType" TEXT NOT NULL,
    "componentStates" JSONB NOT NULL,
    "storm" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "decidedById" INTEGER,
    "decidedByLabel" TEXT,
    CONSTRAINT "AlertDraft_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AlertDraft_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AlertDraft_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AlertDraft_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertIntegration_tokenHash_key" ON "AlertIntegration"("tokenHash");

-- CreateIndex
CREATE INDEX "AlertRule_integrationId_position_idx" ON "AlertRule"("integrationId", "position");

-- CreateIndex
CREATE INDEX "AlertPayload_integrationId_receivedAt_idx" ON "AlertPayload"("integrationId", "receivedAt");

-- CreateIndex
CREATE INDEX "AlertPayload_receivedAt_idx" ON "AlertPayload"("receivedAt");

-- CreateIndex
CREATE INDEX "Alert_groupKey_idx" ON "Alert"("groupKey");

-- CreateIndex
CREATE INDEX "Alert_incidentId_idx" ON "Alert"("incidentId");

-- CreateIndex
CREATE INDEX "Alert_draftId_idx" ON "Alert"("draftId");

-- CreateIndex
CREATE INDEX "Alert_ruleId_status_idx" ON "Alert"("ruleId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_integrationId_fingerprint_key" ON "Alert"("integrationId", "fingerprint");

-- CreateIndex
CREATE INDEX "AlertDraft_status_createdAt_idx" ON "AlertDraft"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AlertDraft_groupKey_status_idx" ON "AlertDraft"("groupKey", "status");

-- CreateIndex
CREATE INDEX "AlertDraft_incidentId_idx" ON "AlertDraft"("incidentId");
