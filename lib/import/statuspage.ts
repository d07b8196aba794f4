/**
 * Reads Atlassian Statuspage's public v2 API (components.json, incidents.json,
 * scheduled-maintenances.json) into a SourceHistory. Pure. The mapping:
 *   component status  operational → green, degraded_performance → yellow, partial_outage → yellow
 *                     (Beacon's partial outage is a yellow after red), major_outage → red,
 *                     under_maintenance → blue
 *   update status     investigating → Investigating, identified → Issue, monitoring → Update (phase
 *                     monitoring), resolved → Resolved; the same status again → Update (a further
 *                     message in that phase); postmortem → the incident's published postmortem (a
 *                     post after Resolved would reopen the incident)
 *   maintenance       scheduled → Scheduled, in_progress/verifying → Update (that phase),
 *                     completed → Resolved; scheduled_for/scheduled_until → the window, its
 *                     components blue from its first update (the timeline starts it at the window)
 *   groups → systems, their components → sub-components, other components → systems
 * Each update's affected_components[].new_status sets that component's state at the update.
 */
import * as z from "zod";
import type { ComponentState, PostType, StatuspagePhase } from "@/lib/timeline/types";
import { type SourceComponent, type SourceHistory, type SourceIncident, type SourceUpdate, sourceDate } from "./history";

export const STATUSPAGE_STATES: Readonly<Record<string, ComponentState>> = {
  operational: "green",
  degraded_performance: "yellow",
  partial_outage: "yellow",
  major_outage: "red",
  under_maintenance: "blue",
};

const INCIDENT_UPDATES: Readonly<Record<string, { type: PostType; phase: StatuspagePhase | null }>> = {
  investigating: { type: "investigating", phase: null },
  identified: { type: "issue", phase: null },
  monitoring: { type: "update", phase: "monitoring" },
  resolved: { type: "resolved", phase: null },
  scheduled: { type: "scheduled", phase: null },
  in_progress: { type: "update", phase: "in_progress" },
  verifying: { type: "update", phase: "verifying" },
  completed: { type: "resolved", phase: null },
};

// Lenient on purpose: real pages add fields and leave some out; what is missing is reported.
const text = z.string().nullish();
/** Ids come as strings or numbers; kept as strings. */
const id = z.union([z.string(), z.number()]).transform(String);
const affected = z.looseObject({ code: text, name: text, new_status: text });
const update = z.looseObject({
  id,
  status: text,
  body: text,
  created_at: text,
  display_at: text,
  affected_components: z.array(affected).nullish(),
});
const event = z.looseObject({
  id,
  name: text,
  status: text,
  created_at: text,
  scheduled_for: text,
  scheduled_until: text,
  incident_updates: z.array(update).nullish(),
  components: z.array(z.looseObject({ id: text, name: text })).nullish(),
  postmortem_body: text,
  postmortem_published_at: text,
});
const component = z.looseObject({
  id,
  name: z.string(),
  description: text,
  position: z.number().nullish(),
  group_id: text,
  group: z.boolean().nullish(),
});
export const statuspageAnswers = z.looseObject({
  page: z.looseObject({ id: text, url: text }).nullish(),
  components: z.array(component).nullish(),
  incidents: z.array(event).nullish(),
  scheduled_maintenances: z.array(event).nullish(),
});
export type StatuspageAnswers = z.infer<typeof statuspageAnswers>;

type Event = z.infer<typeof event>;

function readComponents(answers: StatuspageAnswers): SourceComponent[] {
  return (answers.components ?? []).map((row) => ({
    externalId: row.id,
    name: row.name,
    description: row.description ?? "",
    position: Math.max(0, (row.position ?? 1) - 1),
    groupId: row.group ? null : (row.group_id ?? null),
  }));
}

function readUpdates(
  event: Event,
  kind: "incident" | "maintenance",
  problems: string[],
): { updates: SourceUpdate[]; postmortem: SourceIncident["postmortem"] } {
  const label = `${kind} ${event.id} (${event.name ?? "untitled"})`;
  // Undated updates last: they are reported, not imported.
  const timeOf = (row: z.infer<typeof update>) => (sourceDate(row.display_at) ?? sourceDate(row.created_at))?.getTime() ?? Infinity;
  const oldestFirst = [...(event.incident_updates ?? [])].sort((a, b) => timeOf(a) - timeOf(b));
  const updates: SourceUpdate[] = [];
  let postmortem: SourceIncident["postmortem"] = null;
  let previous: string | null = null;
  for (const row of oldestFirst) {
    const status = row.status ?? "";
    const postedAt = sourceDate(row.display_at) ?? sourceDate(row.created_at);
    if (status === "postmortem") {
      if (postedAt) postmortem = { body: row.body ?? "", publishedAt: postedAt };
      else problems.push(`${label}: postmortem update ${row.id} has no time; not imported`);
      continue;
    }
    const mapped = INCIDENT_UPDATES[status];
    if (!mapped) {
      problems.push(`${label}: update ${row.id} has the unknown status "${status}"; imported as an Update`);
    }
    const repeated = status === previous && status !== "resolved" && status !== "completed";
    const { type, phase } = !mapped || repeated ? { type: "update" as const, phase: mapped?.phase ?? null } : mapped;
    previous = status;
    const stateChanges = (row.affected_components ?? []).flatMap((change) => {
      const state = STATUSPAGE_STATES[change.new_status ?? ""];
      if (!change.code) return [];
      if (!state) {
        problems.push(`${label}: update ${row.id} sets ${change.name ?? change.code} to the unknown status "${change.new_status}"; left out`);
        return [];
      }
      return [{ componentId: change.code, state }];
    });
    updates.push({ externalId: row.id, type, phase, body: row.body ?? "", postedAt, stateChanges });
  }
  const published = sourceDate(event.postmortem_published_at);
  if (event.postmortem_body && published) postmortem = { body: event.postmortem_body, publishedAt: published };
  return { updates, postmortem };
}

/**
 * A maintenance's components are under maintenance for its window, which the API's per-update
 * statuses do not say (at the time of the Scheduled update they are still operational): its first
 * update sets them blue, and the timeline applies that from the window's start.
 */
function underMaintenance(event: Event, updates: SourceUpdate[]): SourceUpdate[] {
  const ids = (event.components ?? []).flatMap((row) => (row.id ? [row.id] : []));
  return updates.map((update, index) =>
    index === 0 ? { ...update, stateChanges: ids.map((componentId) => ({ componentId, state: "blue" as const })) } : update,
  );
}

function readEvent(event: Event, kind: "incident" | "maintenance", problems: string[]): SourceIncident {
  const read = readUpdates(event, kind, problems);
  const { postmortem } = read;
  const updates = kind === "maintenance" ? underMaintenance(event, read.updates) : read.updates;
  const affected = new Set([
    ...(event.components ?? []).flatMap((row) => (row.id ? [row.id] : [])),
    ...updates.flatMap((row) => row.stateChanges.map((change) => change.componentId)),
  ]);
  return {
    externalId: event.id,
    title: event.name ?? "",
    kind,
    scheduledStartAt: kind === "maintenance" ? sourceDate(event.scheduled_for) : null,
    scheduledEndAt: kind === "maintenance" ? sourceDate(event.scheduled_until) : null,
    componentIds: [...affected],
    updates,
    postmortem,
  };
}

/** The history in these answers; `source` identifies the page (its base URL). */
export function readStatuspage(answers: StatuspageAnswers, source: string): SourceHistory {
  const problems: string[] = [];
  const incidents = [
    ...(answers.incidents ?? []).map((row) => readEvent(row, "incident", problems)),
    ...(answers.scheduled_maintenances ?? []).map((row) => readEvent(row, "maintenance", problems)),
  ];
  for (const maintenance of incidents.filter((row) => row.kind === "maintenance" && (!row.scheduledStartAt || !row.scheduledEndAt))) {
    problems.push(`maintenance ${maintenance.externalId} (${maintenance.title}) has no scheduled_for/scheduled_until; not imported`);
  }
  return {
    source,
    components: readComponents(answers),
    incidents: incidents.filter((row) => row.kind === "incident" || (row.scheduledStartAt && row.scheduledEndAt)),
    problems,
  };
}
