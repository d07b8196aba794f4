// What the admin side reads: an incident with every post, including deleted ones and earlier
// revisions (the public side never sees those), and the audit log.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Db } from "@/lib/db/client";
import { loadComponents } from "@/lib/db/timeline-queries";
import { loadCurrentIncidents } from "@/lib/incidents/current-state";
import { currentStates } from "@/lib/timeline";

export async function loadIncidentForAdmin(db: Db, number: number) {
  return db.incident.findFirst({
    where: { number, deletedAt: null },
    include: {
      components: { select: { componentId: true } },
      posts: {
        orderBy: [{ postedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
        include: {
          stateChanges: { select: { componentId: true, state: true } },
          revisions: { orderBy: { editedAt: "desc" }, include: { editor: { select: { email: true } } } },
        },
      },
    },
  });
}
export type AdminIncident = NonNullable<Awaited<ReturnType<typeof loadIncidentForAdmin>>>;

export interface AuditFilter {
  action?: string;
  actor?: string;
  /** Show events older than this id (paging). */
  before?: number;
}

export const AUDIT_PAGE_SIZE = 100;

export async function loadAuditEvents(db: Db, filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorLabel: { contains: filter.actor } } : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
  };
  return db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE });
}

export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

/**
 * Every component with its current state, systems first then their sub-components, for the forms.
 * Reads each active incident's stored states in force, never its whole timeline (issue 16).
 */
export async function loadComponentStates(db: Db, now: Date) {
  const [components, active] = await Promise.all([loadComponents(db), loadCurrentIncidents(db, now)]);
  const states = currentStates(active, components, now);
  const systems = components.filter((component) => component.parentId === null);
  const ordered = systems.flatMap((system) => [system, ...components.filter((component) => component.parentId === system.id)]);
  return ordered.map((component) => ({ id: component.id, name: component.name, parentId: component.parentId, state: states.get(component.id) ?? "green" }));
}
