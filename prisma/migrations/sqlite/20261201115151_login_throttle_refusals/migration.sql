-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "refused" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_LoginThrottle" ("failures", "key", "lastFailureAt", "lockedUntil") SELECT "failures", "key", "lastFailureAt", "lockedUntil" FROM "LoginThrottle";
DROP TABLE "LoginThrottle";
ALTER TABLE "new_LoginThrottle" RENAME TO "LoginThrottle";
CREATE INDEX "LoginThrottle_lastFailureAt_idx" ON "LoginThrottle"("lastFailureAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
