-- CreateEnum
CREATE TYPE "AlertIntegrationKind" AS ENUM ('alertmanager', 'grafana', 'uptime_kuma', 'generic');

-- CreateEnum
CREATE TYPE "AlertRuleMode" AS ENUM ('draft', 'publish');

-- CreateEnum
CREATE TYPE "AlertPayloadOutcome" AS ENUM ('opened', 'attached', 'ignored', 'unrouted', 'rejected');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('firing', 'resolved');

-- CreateEnum
CREATE TYPE "AlertDraftKind" AS ENUM ('open_incident', 'post');

-- CreateEnum
CREATE TYPE "AlertDraftStatus" AS ENUM ('open', 'confirmed', 'dismissed');

-- CreateTable
CREATE TABLE "AlertIntegration" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertIntegrationKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AlertIntegration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" SERIAL NOT NULL,
    "integrationId" INTEGER,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "matchers" JSONB NOT NULL,
    "componentIds" JSONB NOT NULL,
    "severityStates" JSONB NOT NULL,
    "fixedState" "ComponentState",
    "titleTemplate" TEXT NOT NULL,
    "bodyTemplate" TEXT NOT NULL,
    "mode" "AlertRuleMode" NOT NULL DEFAULT 'draft',
    "resolveAutomatically" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertPayload" (
    "id" SERIAL NOT NULL,
    "integrationId" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "outcome" "AlertPayloadOutcome" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "bodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "alertCount" INTEGER NOT NULL DEFAULT 0,
    "truncatedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AlertPayload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" SERIAL NOT NULL,
    "integrationId" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "annotations" JSONB NOT NULL,
    "status" "AlertStatus" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "generatorUrl" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "statusChangedAt" TIMESTAMP(3) NOT NULL,
    "ruleId" INTEGER,
    "incidentId" INTEGER,
    "draftId" INTEGER,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDraft" (
    "id" SERIAL NOT NULL,
    "kind" "AlertDraftKind" NOT NULL,
    "status" "AlertDraftStatus" NOT NULL DEFAULT 'open',
    "integrationId" INTEGER,
    "ruleId" INTEGER,
    "groupKey" TEXT NOT NULL,
    "incidentId" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "postType" "PostType" NOT NULL,
    "componentStates" JSONB NOT NULL,
    "storm" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,
    "decidedByLabel" TEXT,

    CONSTRAINT "AlertDraft_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "AlertIntegration" ADD CONSTRAINT "AlertIntegration_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertPayload" ADD CONSTRAINT "AlertPayload_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "AlertDraft"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDraft" ADD CONSTRAINT "AlertDraft_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDraft" ADD CONSTRAINT "AlertDraft_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDraft" ADD CONSTRAINT "AlertDraft_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDraft" ADD CONSTRAINT "AlertDraft_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
