-- CreateEnum
CREATE TYPE "InternalEntryKind" AS ENUM ('note', 'link', 'handoff', 'system', 'deploy_freeze', 'deploy_unfreeze');

-- CreateEnum
CREATE TYPE "DeployEnvironment" AS ENUM ('production', 'development');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "commanderId" INTEGER;

-- CreateTable
CREATE TABLE "IncidentInternalEntry" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "kind" "InternalEntryKind" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authorId" INTEGER,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "linkTitle" TEXT,
    "linkUrl" TEXT,
    "fromUserId" INTEGER,
    "toUserId" INTEGER,
    "systemCode" TEXT,
    "environment" "DeployEnvironment",

    CONSTRAINT "IncidentInternalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deploy" (
    "id" SERIAL NOT NULL,
    "service" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "previousVersion" TEXT,
    "environment" "DeployEnvironment" NOT NULL,
    "url" TEXT,
    "deployedBy" TEXT NOT NULL,
    "deployedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedByTokenId" INTEGER,
    "recordedByUserId" INTEGER,
    "recordedByLabel" TEXT NOT NULL,
    "forcedThroughGate" BOOLEAN NOT NULL DEFAULT false,
    "forcedBy" TEXT,

    CONSTRAINT "Deploy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeployFreeze" (
    "id" SERIAL NOT NULL,
    "environment" "DeployEnvironment" NOT NULL,
    "frozenAt" TIMESTAMP(3) NOT NULL,
    "frozenById" INTEGER,
    "frozenByLabel" TEXT NOT NULL,
    "incidentId" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "liftedAt" TIMESTAMP(3),
    "liftedById" INTEGER,
    "liftedByLabel" TEXT,

    CONSTRAINT "DeployFreeze_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_commanderId_fkey" FOREIGN KEY ("commanderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentInternalEntry" ADD CONSTRAINT "IncidentInternalEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentInternalEntry" ADD CONSTRAINT "IncidentInternalEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentInternalEntry" ADD CONSTRAINT "IncidentInternalEntry_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentInternalEntry" ADD CONSTRAINT "IncidentInternalEntry_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deploy" ADD CONSTRAINT "Deploy_recordedByTokenId_fkey" FOREIGN KEY ("recordedByTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deploy" ADD CONSTRAINT "Deploy_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeployFreeze" ADD CONSTRAINT "DeployFreeze_frozenById_fkey" FOREIGN KEY ("frozenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeployFreeze" ADD CONSTRAINT "DeployFreeze_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeployFreeze" ADD CONSTRAINT "DeployFreeze_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
