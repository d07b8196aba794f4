-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "currentStateAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ComponentCurrentState" (
    "incidentId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,
    "state" "ComponentState" NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "postId" INTEGER NOT NULL,

    CONSTRAINT "ComponentCurrentState_pkey" PRIMARY KEY ("incidentId","componentId")
);

-- CreateIndex
CREATE INDEX "ComponentCurrentState_componentId_idx" ON "ComponentCurrentState"("componentId");

-- AddForeignKey
ALTER TABLE "ComponentCurrentState" ADD CONSTRAINT "ComponentCurrentState_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentCurrentState" ADD CONSTRAINT "ComponentCurrentState_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
