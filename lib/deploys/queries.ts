// What the admin and the gate read about deploys. Admin-side only: lib/db/public-read.ts never
// reads Deploy or DeployFreeze.
import type { Db, Tx } from "@/lib/db/client";
import { loadActiveIncidents, loadComponents } from "@/lib/db/timeline-queries";
import { commandersOf } from "@/lib/incident-timeline/command";
import type { DeployEnvironment } from "@/lib/validation/deploys";
import { gateDecision, incidentsAffectingEnvironment, type GateDecision, type GateFreeze } from "./gate";
import { deploysBeforeIncident, incidentDeploys, PREVIOUS_VERSIONS_SHOWN, type DeployRecord, type DeploysBeforeIncident, type IncidentDeploy } from "./history";

const deployFields = {
  id: true,
  service: true,
  version: true,
  previousVersion: true,
  environment: true,
  url: true,
  deployedBy: true,
  deployedAt: true,
  recordedByLabel: true,
  forcedThroughGate: true,
  forcedBy: true,
} as const;

/**
 * Deploys from `from` to `to`, plus each of their streams' (service + environment) history before
 * `from`: enough to list −1, −2, … and to spot a revert. Reads the (environment, deployedAt) and
 * (service, environment, deployedAt) indexes.
 */
export async function loadDeploysAround(db: Tx, { from, to }: { from: Date; to: Date }): Promise<DeployRecord[]> {
  const recent = await db.deploy.findMany({ where: { deployedAt: { gte: from, lte: to } }, select: deployFields, orderBy: { deployedAt: "asc" } });
  const streams = [...new Map(recent.map((deploy) => [`${deploy.environment}/${deploy.service}`, deploy])).values()];
  // Distinct versions are what −N counts; a few extra rows cover repeated versions (reverts).
  const take = PREVIOUS_VERSIONS_SHOWN * 4;
  const earlier = await Promise.all(
    streams.map(({ service, environment }) =>
      db.deploy.findMany({ where: { service, environment, deployedAt: { lt: from } }, select: deployFields, orderBy: { deployedAt: "desc" }, take }),
    ),
  );
  return [...earlier.flat(), ...recent];
}

/** An incident's deploys: the window before it began (suspects, −1/−2) and every deploy from then to its end. */
export async function loadIncidentDeploys(
  db: Db,
  { startedAt, endedAt, windowMs }: { startedAt: Date; endedAt: Date; windowMs: number },
): Promise<{ before: DeploysBeforeIncident; deploys: IncidentDeploy[] }> {
  const deploys = await loadDeploysAround(db, { from: new Date(startedAt.getTime() - windowMs), to: endedAt });
  const before = deploysBeforeIncident(deploys, startedAt, windowMs);
  return { before, deploys: incidentDeploys(deploys, before.suspects, before.from) };
}

/** /admin/deploys: the newest deploys, grouped by service (services by their latest deploy). */
export async function deploysByService(db: Db, { limit = 500 }: { limit?: number } = {}): Promise<{ service: string; deploys: DeployRecord[] }[]> {
  const rows = await db.deploy.findMany({ select: deployFields, orderBy: [{ deployedAt: "desc" }, { id: "desc" }], take: limit });
  const byService = new Map<string, DeployRecord[]>();
  for (const row of rows) byService.set(row.service, [...(byService.get(row.service) ?? []), row]);
  return [...byService].map(([service, deploys]) => ({ service, deploys }));
}

/** Open freezes of an environment, oldest first. */
export async function openFreezes(db: Tx, environment: DeployEnvironment): Promise<(GateFreeze & { id: number })[]> {
  const rows = await db.deployFreeze.findMany({
    where: { environment, liftedAt: null },
    orderBy: { frozenAt: "asc" },
    select: { id: true, frozenAt: true, frozenByLabel: true, reason: true, incident: { select: { number: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    frozenAt: row.frozenAt,
    frozenBy: row.frozenByLabel,
    reason: row.reason,
    incidentNumber: row.incident?.number ?? null,
  }));
}

/** The gate's answer for a deploy of `service` to `environment` now. */
export async function deployGate(db: Tx, { service, environment }: { service: string; environment: DeployEnvironment }, now: Date): Promise<GateDecision> {
  const components = await loadComponents(db);
  const active = await loadActiveIncidents(db, now);
  const commanders = await commandersOf(
    db,
    active.map((incident) => incident.id),
  );
  const incidents = incidentsAffectingEnvironment(active, components, environment, (id) => commanders.get(id) ?? null, now);
  const freezes = await openFreezes(db, environment);
  return gateDecision({ service, environment, incidents, freezes: freezes.map(({ id: _id, ...freeze }) => freeze) });
}
