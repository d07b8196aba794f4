// Plain inputs and outputs of the timeline core. No Prisma types here: lib/db maps rows to these.

export const COMPONENT_STATES = ["green", "blue", "yellow", "red"] as const;
/** green = operational, blue = planned maintenance, yellow = degraded, red = outage. */
export type ComponentState = (typeof COMPONENT_STATES)[number];

export const POST_TYPES = ["investigating", "issue", "update", "resolved", "scheduled"] as const;
export type PostType = (typeof POST_TYPES)[number];

export type IncidentKind = "incident" | "maintenance";

export interface TimelineComponent {
  id: number;
  name: string;
  slug: string;
  /** null for a system (top level), else the system it belongs to. */
  parentId: number | null;
  position: number;
}

export interface TimelineStateChange {
  componentId: number;
  state: ComponentState;
}

export interface TimelinePost {
  id: number;
  type: PostType;
  /** The displayed time; may be backdated. Ordering uses it. */
  postedAt: Date;
  /** When it was really written; breaks ties between equal postedAt. */
  createdAt: Date;
  stateChanges: TimelineStateChange[];
}

export interface TimelineIncident {
  id: number;
  number: number;
  title: string;
  kind: IncidentKind;
  openedAt: Date;
  /** Maintenance window; null for incidents. */
  scheduledStartAt: Date | null;
  scheduledEndAt: Date | null;
  /** Components the incident names as affected (may have no state change yet). */
  componentIds: number[];
  /** Any order; the core sorts by postedAt. Deleted posts are excluded by the caller. */
  posts: TimelinePost[];
}

/** A half-open span [start, end) during which a component was in one state. */
/** A component with what every view shows of it. */
export interface ComponentRow extends TimelineComponent {
  description: string;
  hidden: boolean;
}

/** Statuspage's finer phases; a post may carry one to override its type's default phase. */
export type StatuspagePhase = "investigating" | "identified" | "monitoring" | "resolved" | "scheduled" | "in_progress" | "verifying" | "completed";

// The public read model (lib/db/public-read.ts maps rows to these): what pages, feeds and APIs show.

/** Every component, hidden ones too (their states still roll up into their systems). */
export interface PublicComponent extends ComponentRow {
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicPost extends TimelinePost {
  /** Markdown as the commander wrote it. */
  body: string;
  statuspagePhase: StatuspagePhase | null;
  updatedAt: Date;
  /** Revised after publishing (the earlier texts are kept as revisions). */
  edited: boolean;
}

/** A published postmortem as customers read it: only the text confirmed at publishing. */
export interface PublicPostmortem {
  /** Markdown. */
  body: string;
  publishedAt: Date;
}

export interface PublicIncident extends TimelineIncident {
  resolvedAt: Date | null;
  updatedAt: Date;
  posts: PublicPost[];
  /** Set once a postmortem is published; a draft never reaches the public read model. */
  postmortem?: PublicPostmortem | null;
}

export interface StateInterval {
  componentId: number;
  state: ComponentState;
  start: Date;
  end: Date;
}

/** Milliseconds spent in each state. */
export type StateDurations = Record<ComponentState, number>;

export type MaintenanceStatus = "upcoming" | "in_progress" | "completed";

export interface IncidentState {
  open: boolean;
  /** Worst state its components are in right now; green once resolved or when nothing is set. */
  current: ComponentState;
  /** Worst state it ever put a component in. */
  worst: ComponentState;
  startedAt: Date;
  endedAt: Date | null;
  lastPostAt: Date | null;
}

/** What the incident page shows per component: "Production red 5h · yellow 8h". */
export interface ComponentDurations {
  componentId: number;
  durations: StateDurations;
  intervals: StateInterval[];
}

export interface DayHistory {
  /** UTC calendar day, "YYYY-MM-DD". */
  day: string;
  durations: StateDurations;
  worst: ComponentState;
  uptimePercent: number;
  /** The part of the day up to `now`; 0 for a day entirely in the future. */
  measuredMs: number;
}

export interface HistoryOptions {
  /** A UTC midnight. */
  from: Date;
  days: number;
  now: Date;
}

export interface UptimeWindow {
  start: Date;
  end: Date;
  now: Date;
}
