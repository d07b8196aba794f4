// Deploy freezes: a commander stops deploys to an environment from an incident page, and lifts the
// freeze later. Each is a line on that incident's internal timeline, written in the same transaction.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { authorize, type Actor } from "@/lib/auth/roles";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { InputError } from "@/lib/errors/input-error";
import { incidentForInternalWrite } from "@/lib/incident-timeline/command";
import { writeInternalEntry } from "@/lib/incident-timeline/entries";
import type { FreezeDeploysInput, LiftDeployFreezeInput } from "@/lib/validation/deploys";
import { openFreezes } from "./queries";

export async function freezeDeploys(db: Db, actor: Actor | null, input: FreezeDeploysInput, { now }: { now: Date }): Promise<{ freezeId: number }> {
  const author = authorize(actor, "commander");
  return timelineWrite(db, async (tx) => {
    const incident = await incidentForInternalWrite(tx, input.incidentNumber);
    if ((await openFreezes(tx, input.environment)).length > 0) throw new InputError("environment", `Deploys to ${input.environment} are already frozen.`);
    const freeze = await tx.deployFreeze.create({
      data: {
        environment: input.environment,
        frozenAt: now,
        frozenById: author.userId,
        frozenByLabel: author.label,
        incidentId: incident.id,
        reason: input.reason,
      },
      select: { id: true },
    });
    const body = `Deploys to ${input.environment} frozen${input.reason ? `: ${input.reason}` : "."}`;
    await writeInternalEntry(tx, { incidentId: incident.id, kind: "deploy_freeze", occurredAt: now, author, environment: input.environment, body });
    await recordAudit(tx, { actor: author, action: "deploy.freeze", targetType: "deploy_freeze", targetId: freeze.id, after: { ...input } });
    return { freezeId: freeze.id };
  });
}

/** Lifts every open freeze of the environment, whichever incident set it. */
export async function liftDeployFreeze(db: Db, actor: Actor | null, input: LiftDeployFreezeInput, { now }: { now: Date }): Promise<{ lifted: number }> {
  const author = authorize(actor, "commander");
  return timelineWrite(db, async (tx) => {
    const incident = await incidentForInternalWrite(tx, input.incidentNumber);
    const freezes = await openFreezes(tx, input.environment);
    if (freezes.length === 0) throw new InputError("environment", `Deploys to ${input.environment} are not frozen.`);
    await tx.deployFreeze.updateMany({
      where: { id: { in: freezes.map((freeze) => freeze.id) } },
      data: { liftedAt: now, liftedById: author.userId, liftedByLabel: author.label },
    });
    const body = `Deploys to ${input.environment} unfrozen.`;
    await writeInternalEntry(tx, { incidentId: incident.id, kind: "deploy_unfreeze", occurredAt: now, author, environment: input.environment, body });
    await recordAudit(tx, {
      actor: author,
      action: "deploy.unfreeze",
      targetType: "deploy_freeze",
      targetId: freezes.map((f) => f.id).join(","),
      after: { ...input },
    });
    return { lifted: freezes.length };
  });
}
