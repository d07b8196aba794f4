// The publishing use-cases' view of the timeline (issue 16): each active incident condensed to its
// states still in force (lib/timeline/running.ts), so a publish costs the same whether the open
// incidents have 20 posts or 20,000. The stored state is rewritten in the same transaction as every
// change to the timeline: by `advanceCurrentState` for a post added at the end (the usual publish),
// by `syncIncidentTimes` from the whole timeline otherwise (backdated posts, deletes, maintenance).
// An incident never derived (written before the table existed, or by the seed) is read whole, and
// derived by the next publish, inside its transaction (`deriveMissingCurrentStates`); doing it there
// rather than in SQL in the migration keeps the timeline core the one reading of the posts.
import type { Tx } from "@/lib/db/client";
import { activeNeverDerived, hasIssueOrUpdate, loadActiveStored, loadStoredByNumber, storeCurrentState, type StoredIncident } from "@/lib/db/current-states";
import { loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { condensedIncident, incidentState, runningStates, type TimelineIncident, type TimelinePost } from "@/lib/timeline";

async function currentIncident(db: Tx, stored: StoredIncident): Promise<TimelineIncident> {
  if (stored.running) return condensedIncident(stored.header, stored.running, stored.resolvedAt);
  return (await loadIncidentByNumber(db, stored.header.number))!;
}

/** Open incidents and unfinished maintenance, each condensed (or whole, if never derived). */
export async function loadCurrentIncidents(db: Tx, now: Date): Promise<TimelineIncident[]> {
  const incidents: TimelineIncident[] = [];
  // One after another: inside a transaction they share one connection anyway.
  for (const stored of await loadActiveStored(db, now)) incidents.push(await currentIncident(db, stored));
  return incidents;
}

/** One incident, condensed, and whether it ever had an Issue or Update post (which condensing loses). */
export async function loadCurrentIncident(db: Tx, number: number): Promise<{ incident: TimelineIncident; reported: boolean } | null> {
  const stored = await loadStoredByNumber(db, number);
  if (!stored) return null;
  return { incident: await currentIncident(db, stored), reported: await hasIssueOrUpdate(db, stored.header.id) };
}

/** Derives, from their whole timelines, the active incidents whose current state was never stored. */
export async function deriveMissingCurrentStates(tx: Tx, now: Date): Promise<void> {
  for (const number of await activeNeverDerived(tx, now)) await syncIncidentTimes(tx, number, now);
}

/** Incident.resolvedAt, openedAt and the current state follow the timeline core after any change to the posts. */
export async function syncIncidentTimes(tx: Tx, incidentNumber: number, now: Date): Promise<{ open: boolean }> {
  const incident = (await loadIncidentByNumber(tx, incidentNumber))!;
  const state = incidentState(incident, now);
  const openedAt = incident.posts[0]?.postedAt ?? incident.openedAt;
  await storeCurrentState(tx, incident.id, { running: runningStates(incident, now), resolvedAt: state.endedAt, openedAt, at: now });
  return { open: state.open };
}

/** The same, for a post that lands after every other (not backdated), from the condensed incident it was added to. */
export async function advanceCurrentState(tx: Tx, incident: TimelineIncident, post: TimelinePost, now: Date): Promise<{ open: boolean }> {
  const after = { ...incident, posts: [...incident.posts, post] };
  const state = incidentState(after, now);
  await storeCurrentState(tx, incident.id, { running: runningStates(after, now), resolvedAt: state.endedAt, at: now });
  return { open: state.open };
}
