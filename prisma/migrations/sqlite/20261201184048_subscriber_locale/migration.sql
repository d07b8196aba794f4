-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Subscriber" (
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
    "locale" TEXT NOT NULL DEFAULT 'en',
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Subscriber" ("allComponents", "confirmExpiresAt", "confirmIp", "confirmTokenHash", "confirmedAt", "consentIp", "consentedAt", "createdAt", "email", "emailNormalized", "id", "maintenance", "manageKeyVersion", "paused", "status", "unsubscribedAt", "updatedAt") SELECT "allComponents", "confirmExpiresAt", "confirmIp", "confirmTokenHash", "confirmedAt", "consentIp", "consentedAt", "createdAt", "email", "emailNormalized", "id", "maintenance", "manageKeyVersion", "paused", "status", "unsubscribedAt", "updatedAt" FROM "Subscriber";
DROP TABLE "Subscriber";
ALTER TABLE "new_Subscriber" RENAME TO "Subscriber";
CREATE UNIQUE INDEX "Subscriber_emailNormalized_key" ON "Subscriber"("emailNormalized");
CREATE UNIQUE INDEX "Subscriber_confirmTokenHash_key" ON "Subscriber"("confirmTokenHash");
CREATE INDEX "Subscriber_status_id_idx" ON "Subscriber"("status", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
