// Carries out an import plan. Each incident is written in its own timeline write (the queue and
// lock every publish takes), with its import records and one audit event naming the import; the
// public views are invalidated once at the end. No webhook or mail is queued: imported history is
// not news, and subscribers must not hear about years-old incidents.
import type { Db, Tx } from "@/lib/db/client";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { recordAudit } from "@/lib/audit/log";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { syncIncidentTimes } from "@/lib/incidents/current-state";
import { type ImportPlan, type ImportState, importKey, type PlannedComponent, type PlannedIncident } from "./plan";

/** What this database already holds, for planning an import from `source`. */
export async function loadImportState(db: Db, source: string): Promise<ImportState> {
  const [components, incidents, records] = await Promise.all([
    db.component.findMany({ select: { id: true, slug: true, name: true, parentId: true }, orderBy: { id: "asc" } }),
    db.incident.findMany({ select: { number: true } }),
    db.importedRecord.findMany({
      where: { source },
      select: { externalIncidentId: true, externalUpdateId: true, incident: { select: { id: true, number: true } } },
    }),
  ]);
  return {
    components,
    numbers: new Set(incidents.map((row) => row.number)),
    incidents: new Map(records.filter((row) => row.externalUpdateId === "").map((row) => [row.externalIncidentId, row.incident])),
    updates: new Set(records.filter((row) => row.externalUpdateId !== "").map((row) => importKey(row.externalIncidentId, row.externalUpdateId))),
  };
}

const actorOf = (source: string) => ({ userId: null, label: `import:${source}`, ip: "" });

async function createComponents(db: Db, planned: readonly PlannedComponent[], source: string): Promise<void> {
  if (planned.length === 0) return;
  await db.$transaction(async (tx) => {
    const ids = new Map((await tx.component.findMany({ select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
    for (const component of [...planned.filter((c) => !c.parentSlug), ...planned.filter((c) => c.parentSlug)]) {
      const { slug, name, description, position, parentSlug } = component;
      const row = await tx.component.create({
        data: { slug, name, description, position, parentId: parentSlug ? ids.get(parentSlug)! : null },
        select: { id: true },
      });
      ids.set(slug, row.id);
    }
    await recordAudit(tx, { actor: actorOf(source), action: "import.components", targetType: "component", after: { slugs: planned.map((c) => c.slug) } });
  });
}

async function writeIncident(tx: Tx, plan: ImportPlan, incident: PlannedIncident, componentIds: ReadonlyMap<string, number>, now: Date): Promise<void> {
  const { source } = plan;
  const id =
    incident.existingId ??
    (
      await tx.incident.create({
        data: {
          number: incident.number,
          title: incident.title,
          kind: incident.kind,
          openedAt: incident.posts[0]!.postedAt,
          scheduledStartAt: incident.scheduledStartAt,
          scheduledEndAt: incident.scheduledEndAt,
          importedRecords: { create: { source, externalIncidentId: incident.externalId, importedAt: now } },
        },
        select: { id: true },
      })
    ).id;
  const idOf = (slug: string) => componentIds.get(slug)!;
  for (const post of incident.posts) {
    await tx.post.create({
      data: {
        incidentId: id,
        type: post.type,
        statuspagePhase: post.phase,
        body: post.body,
        postedAt: post.postedAt,
        createdAt: post.postedAt,
        authorName: actorOf(source).label,
        stateChanges: { create: post.stateChanges.map((change) => ({ componentId: idOf(change.slug), state: change.state })) },
        importedRecords: { create: { source, externalIncidentId: incident.externalId, externalUpdateId: post.externalId, incidentId: id, importedAt: now } },
      },
    });
  }
  const linked = new Set((await tx.incidentComponent.findMany({ where: { incidentId: id }, select: { componentId: true } })).map((row) => row.componentId));
  const slugs = [...incident.componentSlugs, ...incident.posts.flatMap((post) => post.stateChanges.map((change) => change.slug))];
  const links = [...new Set(slugs.map(idOf))].filter((componentId) => !linked.has(componentId));
  if (links.length > 0) await tx.incidentComponent.createMany({ data: links.map((componentId) => ({ incidentId: id, componentId })) });
  if (incident.postmortem && !(await tx.postmortem.findUnique({ where: { incidentId: id }, select: { id: true } }))) {
    const { body, publishedAt } = incident.postmortem;
    const label = actorOf(source).label;
    await tx.postmortem.create({
      data: { incidentId: id, state: "published", summary: body, authorLabel: label, publishedAt, publishedBody: body, publishedByLabel: label },
    });
  }
  await syncIncidentTimes(tx, incident.number, now);
  await recordAudit(tx, {
    actor: actorOf(source),
    action: incident.existingId ? "import.posts" : "import.incident",
    targetType: "incident",
    targetId: incident.number,
    after: { source, externalId: incident.externalId, posts: incident.posts.length },
  });
}

/** Writes the plan; returns nothing the plan does not already say. */
export async function writeImport(db: Db, plan: ImportPlan, now: Date): Promise<void> {
  await createComponents(db, plan.components, plan.source);
  const componentIds = new Map((await db.component.findMany({ select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
  for (const incident of plan.incidents) await timelineWrite(db, (tx) => writeIncident(tx, plan, incident, componentIds, now));
  if (plan.incidents.length > 0 || plan.components.length > 0) invalidatePublicViews();
}
