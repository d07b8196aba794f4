// What an import reads from another status page, in one shape whatever the source: its components
// (groups and their members), and its incidents and maintenance windows with every update. The
// readers of each source (statuspage.ts, heroku.ts) produce it; plan.ts decides what to write.
import type { ComponentState, IncidentKind, PostType, StatuspagePhase } from "@/lib/timeline/types";

/** A component as the source names it; a group becomes a Beacon system, its members sub-components. */
export interface SourceComponent {
  /** The source's own id (Statuspage) or its name (Heroku). */
  externalId: string;
  name: string;
  description: string;
  position: number;
  /** The group's externalId; null for a group or a component outside any group. */
  groupId: string | null;
}

/** A state an update sets: the component by its source id. */
export interface SourceStateChange {
  componentId: string;
  state: ComponentState;
}

export interface SourceUpdate {
  externalId: string;
  type: PostType;
  phase: StatuspagePhase | null;
  body: string;
  /** The time customers saw; null when the source gave none (reported, not imported). */
  postedAt: Date | null;
  stateChanges: SourceStateChange[];
}

export interface SourceIncident {
  externalId: string;
  title: string;
  kind: IncidentKind;
  scheduledStartAt: Date | null;
  scheduledEndAt: Date | null;
  /** Components it affects (source ids), whether or not an update changed their state. */
  componentIds: string[];
  /** Oldest first. */
  updates: SourceUpdate[];
  postmortem: { body: string; publishedAt: Date } | null;
}

export interface SourceHistory {
  /** Identifies the source page in the import records: its base URL. */
  source: string;
  components: SourceComponent[];
  incidents: SourceIncident[];
  /** What the reader could not map, one readable line each. */
  problems: string[];
}

/** A date from the source, or null when absent or not a date. */
export function sourceDate(value: unknown): Date | null {
  if (typeof value !== "string" || value === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
