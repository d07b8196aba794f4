-- CreateEnum
CREATE TYPE "SubscriberStatus" AS ENUM ('pending', 'confirmed', 'unsubscribed');

-- CreateEnum
CREATE TYPE "MailDeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "status" "SubscriberStatus" NOT NULL DEFAULT 'pending',
    "allComponents" BOOLEAN NOT NULL DEFAULT true,
    "maintenance" BOOLEAN NOT NULL DEFAULT false,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "consentIp" TEXT NOT NULL DEFAULT '',
    "confirmedAt" TIMESTAMP(3),
    "confirmIp" TEXT,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMP(3),
    "manageKeyVersion" INTEGER NOT NULL DEFAULT 1,
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriberComponent" (
    "subscriberId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,

    CONSTRAINT "SubscriberComponent_pkey" PRIMARY KEY ("subscriberId","componentId")
);

-- CreateTable
CREATE TABLE "MailJob" (
    "id" SERIAL NOT NULL,
    "eventKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "maintenance" BOOLEAN NOT NULL DEFAULT false,
    "incidentNumber" INTEGER,
    "postId" INTEGER,
    "payload" JSONB NOT NULL,
    "componentIds" JSONB NOT NULL,
    "expandedUpToSubscriberId" INTEGER NOT NULL DEFAULT 0,
    "expandedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailDelivery" (
    "id" SERIAL NOT NULL,
    "jobId" INTEGER NOT NULL,
    "subscriberId" INTEGER NOT NULL,
    "status" "MailDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_emailNormalized_key" ON "Subscriber"("emailNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_confirmTokenHash_key" ON "Subscriber"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "Subscriber_status_id_idx" ON "Subscriber"("status", "id");

-- CreateIndex
CREATE INDEX "SubscriberComponent_componentId_idx" ON "SubscriberComponent"("componentId");

-- CreateIndex
CREATE UNIQUE INDEX "MailJob_eventKey_key" ON "MailJob"("eventKey");

-- CreateIndex
CREATE INDEX "MailJob_expandedAt_id_idx" ON "MailJob"("expandedAt", "id");

-- CreateIndex
CREATE INDEX "MailDelivery_status_nextAttemptAt_idx" ON "MailDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MailDelivery_subscriberId_createdAt_idx" ON "MailDelivery"("subscriberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailDelivery_jobId_subscriberId_key" ON "MailDelivery"("jobId", "subscriberId");

-- AddForeignKey
ALTER TABLE "SubscriberComponent" ADD CONSTRAINT "SubscriberComponent_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriberComponent" ADD CONSTRAINT "SubscriberComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "MailJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
