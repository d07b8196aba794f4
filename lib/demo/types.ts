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

/** A timeline incident as data: components by slug, posts without ids. */
export interface DemoIncident extends Pick<TimelineIncident, "number" | "title" | "kind" | "openedAt" | "scheduledStartAt" | "scheduledEndAt"> {
  /** Every component the incident affects, including each one a post changes. */
  componentSlugs: string[];
  /** In timeline order. */
  posts: DemoPost[];
}

export type UnnumberedIncident = Omit<DemoIncident, "number">;

export interface DemoDataset {
  components: DemoComponent[];
  incidents: DemoIncident[];
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
