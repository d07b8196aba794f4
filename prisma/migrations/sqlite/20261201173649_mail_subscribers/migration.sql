-- CreateTable
CREATE TABLE "Subscriber" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "allComponents" BOOLEAN NOT NULL DEFAULT true,
    "maintenance" BOOLEAN NOT NULL DEFAULT false,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "consentedAt" DATETIME NOT NULL,
    "consentIp" TEXT NOT NULL DEFAULT '',
    "confirmedAt" DATETIME,
    "confirmIp" TEXT,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" DATETIME,
    "manageKeyVersion" INTEGER NOT NULL DEFAULT 1,
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SubscriberComponent" (
    "subscriberId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,

    PRIMARY KEY ("subscriberId", "componentId"),
    CONSTRAINT "SubscriberComponent_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubscriberComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "maintenance" BOOLEAN NOT NULL DEFAULT false,
    "incidentNumber" INTEGER,
    "postId" INTEGER,
    "payload" JSONB NOT NULL,
    "componentIds" JSONB NOT NULL,
    "expandedUpToSubscriberId" INTEGER NOT NULL DEFAULT 0,
    "expandedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" INTEGER NOT NULL,
    "subscriberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MailDelivery_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "MailJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MailDelivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
