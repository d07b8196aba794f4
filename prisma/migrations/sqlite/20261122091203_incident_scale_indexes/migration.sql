-- CreateIndex
CREATE INDEX "Incident_kind_openedAt_idx" ON "Incident"("kind", "openedAt");

-- CreateIndex
CREATE INDEX "Incident_kind_resolvedAt_idx" ON "Incident"("kind", "resolvedAt");

-- CreateIndex
CREATE INDEX "Incident_kind_scheduledEndAt_idx" ON "Incident"("kind", "scheduledEndAt");
