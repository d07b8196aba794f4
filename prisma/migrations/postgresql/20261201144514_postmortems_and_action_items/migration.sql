-- CreateEnum
CREATE TYPE "PostmortemState" AS ENUM ('draft', 'in_review', 'published');

-- CreateEnum
CREATE TYPE "PostmortemLineSource" AS ENUM ('public_post', 'internal_event', 'manual');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('open', 'done');

-- CreateTable
CREATE TABLE "Postmortem" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "state" "PostmortemState" NOT NULL DEFAULT 'draft',
    "summary" TEXT NOT NULL DEFAULT '',
    "impact" TEXT NOT NULL DEFAULT '',
    "contributingFactors" TEXT NOT NULL DEFAULT '',
    "wentWell" TEXT NOT NULL DEFAULT '',
    "internalNotes" TEXT NOT NULL DEFAULT '',
    "authorId" INTEGER,
    "authorLabel" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "publishedBody" TEXT,
    "publishedById" INTEGER,
    "publishedByLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Postmortem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostmortemLine" (
    "id" SERIAL NOT NULL,
    "postmortemId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "text" TEXT NOT NULL,
    "source" "PostmortemLineSource" NOT NULL,
    "kept" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PostmortemLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "postmortemId" INTEGER,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMP(3),
    "status" "ActionItemStatus" NOT NULL DEFAULT 'open',
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Postmortem_incidentId_key" ON "Postmortem"("incidentId");

-- CreateIndex
CREATE INDEX "Postmortem_publishedAt_idx" ON "Postmortem"("publishedAt");

-- CreateIndex
CREATE INDEX "PostmortemLine_postmortemId_position_idx" ON "PostmortemLine"("postmortemId", "position");

-- CreateIndex
CREATE INDEX "ActionItem_status_dueAt_idx" ON "ActionItem"("status", "dueAt");

-- CreateIndex
CREATE INDEX "ActionItem_incidentId_idx" ON "ActionItem"("incidentId");

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemLine" ADD CONSTRAINT "PostmortemLine_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
