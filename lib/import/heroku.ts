/**
 * Reads Heroku's status API into a SourceHistory. Pure. v4 (`/api/v4/incidents`) gives the
 * incidents, their updates and the systems (Production, Development) and services they affect;
 * v4 carries no state per update, so the colours come from v3 (`/api/v3/issues`: status_prod and
 * status_dev after each update, same ids) when the source serves it. The mapping:
 *   colours      green, yellow, red → the same state of the system of that name
 *   update_type  issue → Issue, update → Update, resolved → Resolved, scheduled → Scheduled
 *   systems → systems, services → sub-components of their system
 * Scheduled maintenance is not imported: neither version gives its window.
 */
import * as z from "zod";
import type { ComponentState, PostType } from "@/lib/timeline/types";
import { type SourceComponent, type SourceHistory, type SourceIncident, sourceDate } from "./history";

const color = z.enum(["green", "yellow", "red"]);
const UPDATE_TYPES: readonly PostType[] = ["issue", "update", "resolved", "scheduled"];

export const herokuV4Answer = z.array(
  z.looseObject({
    id: z.number(),
    title: z.string().nullish(),
    state: z.string().nullish(),
    systems: z.array(z.looseObject({ name: z.string(), services: z.array(z.string()).nullish() })).nullish(),
    updates: z
      .array(z.looseObject({ id: z.number().nullish(), update_type: z.string().nullish(), contents: z.string().nullish(), created_at: z.string().nullish() }))
      .nullish(),
  }),
);
export const herokuV3Answer = z.array(
  z.looseObject({
    id: z.number(),
    updates: z.array(z.looseObject({ id: z.number(), status_prod: color.catch("green"), status_dev: color.catch("green") })).nullish(),
  }),
);
export type HerokuAnswers = { v4: z.infer<typeof herokuV4Answer>; v3: z.infer<typeof herokuV3Answer> | null };

const MAINTENANCE_STATES = new Set(["upcoming", "in_progress", "completed"]);
const LEGACY_SYSTEMS = [
  { name: "Production", field: "status_prod" },
  { name: "Development", field: "status_dev" },
] as const;

function readComponents(v4: HerokuAnswers["v4"]): SourceComponent[] {
  const components = new Map<string, SourceComponent>();
  const add = (name: string, groupId: string | null) => {
    const externalId = groupId === null ? name : `${groupId}/${name}`;
    if (!components.has(externalId)) components.set(externalId, { externalId, name, description: "", position: components.size, groupId });
  };
  for (const system of LEGACY_SYSTEMS) add(system.name, null);
  for (const incident of v4) {
    for (const system of incident.systems ?? []) {
      add(system.name, null);
      for (const service of system.services ?? []) add(service, system.name);
    }
  }
  return [...components.values()];
}

/** Each update's colours by update id (v3), for one incident. */
function coloursOf(v3: HerokuAnswers["v3"], incidentId: number): Map<string, Record<"status_prod" | "status_dev", ComponentState>> {
  const issue = v3?.find((row) => row.id === incidentId);
  return new Map((issue?.updates ?? []).map((update) => [String(update.id), update]));
}

export function readHeroku(answers: HerokuAnswers, source: string): SourceHistory {
  const problems: string[] = [];
  const incidents: SourceIncident[] = [];
  if (!answers.v3) problems.push("the source has no /api/v3/issues: updates are imported without the states of Production and Development");
  for (const row of answers.v4) {
    const label = `incident ${row.id} (${row.title ?? "untitled"})`;
    const oldestFirst = [...(row.updates ?? [])].reverse();
    if (MAINTENANCE_STATES.has(row.state ?? "") || oldestFirst.some((update) => update.update_type === "scheduled")) {
      problems.push(`${label}: scheduled maintenance; Heroku's API gives no window, not imported`);
      continue;
    }
    const colours = coloursOf(answers.v3, row.id);
    const affectedSystems = new Set((row.systems ?? []).map((system) => system.name));
    const current = new Map<string, ComponentState>();
    const updates = oldestFirst.map((update, index) => {
      const externalId = update.id == null ? `${row.id}:${index}` : String(update.id);
      const type = UPDATE_TYPES.find((known) => known === update.update_type);
      if (!type) problems.push(`${label}: update ${externalId} has the unknown type "${update.update_type}"; imported as an Update`);
      const after = colours.get(externalId);
      // A colour is set where it changes (and Resolved returns everything to green by itself).
      const stateChanges =
        after && type !== "resolved"
          ? LEGACY_SYSTEMS.filter(
              ({ name, field }) => (current.get(name) ?? "green") !== after[field] && (affectedSystems.has(name) || after[field] !== "green"),
            ).map(({ name, field }) => ({ componentId: name, state: after[field] }))
          : [];
      for (const change of stateChanges) current.set(change.componentId, change.state);
      if (type === "resolved") current.clear();
      return { externalId, type: type ?? "update", phase: null, body: update.contents ?? "", postedAt: sourceDate(update.created_at), stateChanges };
    });
    const services = (row.systems ?? []).flatMap((system) => (system.services ?? []).map((service) => `${system.name}/${service}`));
    incidents.push({
      externalId: String(row.id),
      title: row.title ?? "",
      kind: "incident",
      scheduledStartAt: null,
      scheduledEndAt: null,
      componentIds: [...new Set([...affectedSystems, ...services, ...updates.flatMap((update) => update.stateChanges.map((change) => change.componentId))])],
      updates,
      postmortem: null,
    });
  }
  return { source, components: readComponents(answers.v4), incidents, problems };
}
