// Recording a deploy: the one path for the write API and the CLI. The gate is asked inside the same
// transaction (in the timeline-write queue, so a publish cannot slip between the answer and the
// write): while it is closed a deploy is refused unless forced, and a forced one is recorded as such.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { authorize, type Actor } from "@/lib/auth/roles";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { InputError } from "@/lib/errors/input-error";
import type { RecordDeployInput } from "@/lib/validation/deploys";
import type { GateDecision } from "./gate";
import { deployGate } from "./queries";

export type RecordDeployOutcome =
  | { status: "recorded"; deployId: number; forcedThroughGate: boolean; gate: GateDecision }
  | { status: "gate-closed"; gate: Extract<GateDecision, { status: "closed" }> };

/** `actor.tokenId` is set when a token recorded it. */
export async function recordDeploy(
  db: Db,
  actor: (Actor & { tokenId?: number }) | null,
  input: RecordDeployInput,
  { now }: { now: Date },
): Promise<RecordDeployOutcome> {
  const recorder = { ...authorize(actor, "commander"), tokenId: actor?.tokenId };
  const deployedAt = input.deployedAt ?? now;
  if (deployedAt.getTime() > now.getTime()) throw new InputError("deployedAt", "The deploy time cannot be in the future.");
  return timelineWrite(db, async (tx) => {
    const gate = await deployGate(tx, input, now);
    if (gate.status === "closed" && !input.force) return { status: "gate-closed", gate };
    const forced = gate.status === "closed";
    const deploy = await tx.deploy.create({
      data: {
        service: input.service,
        version: input.version,
        previousVersion: input.previousVersion ?? null,
        environment: input.environment,
        url: input.url ?? null,
        deployedBy: input.deployedBy,
        deployedAt,
        createdAt: now,
        recordedByTokenId: recorder.tokenId ?? null,
        recordedByUserId: recorder.userId,
        recordedByLabel: recorder.label,
        forcedThroughGate: forced,
        forcedBy: forced ? input.deployedBy : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: recorder,
      action: forced ? "deploy.forced" : "deploy.record",
      targetType: "deploy",
      targetId: deploy.id,
      after: {
        service: input.service,
        version: input.version,
        environment: input.environment,
        deployedBy: input.deployedBy,
        ...(forced ? { gate: gate.reason } : {}),
      },
    });
    return { status: "recorded", deployId: deploy.id, forcedThroughGate: forced, gate };
  });
}
