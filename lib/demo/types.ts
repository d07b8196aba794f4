// Plain demo data, referencing components by slug; lib/db/seed.ts turns it into rows.
import type { ComponentState, PostType, TimelineIncident } from "@/lib/timeline/types";

export interface DemoComponent {
  slug: string;
  name: string;
  description: string;
  position: number;
  /** null for a system (Production, Development). */
  parentSlug: string | null;
}

export interface DemoStateChange {
  componentSlug: string;
  state: ComponentState;
}

export interface DemoPost {
  type: PostType;
  /** Markdown. */
  body: string;
  /** Unique within its incident, so a seeded post can be found again by (incident, postedAt). */
  postedAt: Date;
  changes: DemoStateChange[];
}

/** A line of an incident's internal timeline: a commander's note, or an event a machine wrote (an alert). */
export interface DemoInternalEntry {
  kind: "note" | "system";
  at: Date;
  /** Who wrote it, as the timeline names them ("on-call", "pagerduty"). */
  author: string;
  /** Markdown for a note, the human text for an event. */
  body: string;
  /** An event's machine-readable code, e.g. "alert.fired". */
  systemCode?: string;
}

/** A timeline incident as data: components by slug, posts without ids. */
export interface DemoIncident extends Pick<TimelineIncident, "number" | "title" | "kind" | "openedAt" | "scheduledStartAt" | "scheduledEndAt"> {
  /** Every component the incident affects, including each one a post changes. */
  componentSlugs: string[];
  /** In timeline order. */
  posts: DemoPost[];
  /** Seen only by signed-in people. */
  internal?: DemoInternalEntry[];
  /** The deploys its story needs (the one that broke it, the reverts); deploys belong to no incident once seeded. */
  deploys?: DemoDeploy[];
}

/** A deploy as CI would have recorded it. */
export interface DemoDeploy {
  service: string;
  version: string;
  previousVersion: string | null;
  environment: "production" | "development";
  deployedAt: Date;
  deployedBy: string;
  /** A revert during an open incident went through the closed gate. */
  forcedBy?: string;
}

export type UnnumberedIncident = Omit<DemoIncident, "number">;

export interface DemoDataset {
  components: DemoComponent[];
  incidents: DemoIncident[];
}

export function note(at: Date, author: string, body: string): DemoInternalEntry {
  return { kind: "note", at, author, body };
}

/** A deploy of `version` after `previousVersion`. */
export function deploy(service: string, previousVersion: string | null, version: string, deployedAt: Date, deployedBy: string, forcedBy?: string): DemoDeploy {
  return { service, version, previousVersion, environment: "production", deployedAt, deployedBy, ...(forcedBy ? { forcedBy } : {}) };
}

export function post(type: PostType, postedAt: Date, body: string, changes: DemoStateChange[] = []): DemoPost {
  return { type, postedAt, body, changes };
}

/** An incident (not a maintenance) opened by its first post. */
export function incident(title: string, componentSlugs: string[], posts: [DemoPost, ...DemoPost[]]): UnnumberedIncident {
  return { title, kind: "incident", openedAt: posts[0].postedAt, scheduledStartAt: null, scheduledEndAt: null, componentSlugs, posts };
}

export function setState(componentSlugs: readonly string[], state: ComponentState): DemoStateChange[] {
  return componentSlugs.map((componentSlug) => ({ componentSlug, state }));
}

/** Numbers in time order (by openedAt) from `first`. */
export function numberInTimeOrder(incidents: readonly UnnumberedIncident[], first: number): DemoIncident[] {
  return [...incidents].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime()).map((unnumbered, index) => ({ number: first + index, ...unnumbered }));
}
