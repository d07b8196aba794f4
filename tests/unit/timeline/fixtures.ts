import type { ComponentState, PostType, StateInterval, TimelineComponent, TimelineIncident, TimelinePost } from "@/lib/timeline";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** UTC time from "2012-06-30T03:18" (no zone suffix needed). */
export function utc(isoWithoutZone: string): Date {
  return new Date(`${isoWithoutZone}Z`);
}

export const PRODUCTION = 1;
export const DEVELOPMENT = 2;
export const GIT_PUSH = 3;
export const API = 4;

export const COMPONENTS: TimelineComponent[] = [
  { id: API, name: "API", slug: "api", parentId: PRODUCTION, position: 2 },
  { id: DEVELOPMENT, name: "Development", slug: "development", parentId: null, position: 2 },
  { id: GIT_PUSH, name: "Git push", slug: "git-push", parentId: PRODUCTION, position: 1 },
  { id: PRODUCTION, name: "Production", slug: "production", parentId: null, position: 1 },
];

let lastPostId = 0;

export function post(
  type: PostType,
  postedAt: string,
  changes: Record<number, ComponentState> = {},
  options: { id?: number; createdAt?: string } = {},
): TimelinePost {
  const stateChanges = Object.entries(changes).map(([componentId, state]) => ({ componentId: Number(componentId), state }));
  return {
    id: options.id ?? ++lastPostId,
    type,
    postedAt: utc(postedAt),
    createdAt: utc(options.createdAt ?? postedAt),
    stateChanges,
  };
}

export function incident(posts: TimelinePost[], overrides: Partial<TimelineIncident> = {}): TimelineIncident {
  const first = posts[0];
  return {
    id: 1,
    number: 1,
    title: "Incident",
    kind: "incident",
    openedAt: first ? first.createdAt : utc("2000-01-01T00:00"),
    scheduledStartAt: null,
    scheduledEndAt: null,
    componentIds: [],
    posts,
    ...overrides,
  };
}

/** The demo incident from Heroku's status history: red 5h, then yellow 8h on both systems. */
export function widespreadApplicationOutage(): TimelineIncident {
  return incident(
    [
      post("investigating", "2012-06-30T03:18"),
      post("issue", "2012-06-30T03:25", { [PRODUCTION]: "red", [DEVELOPMENT]: "red" }),
      post("update", "2012-06-30T03:49"),
      post("update", "2012-06-30T08:25", { [PRODUCTION]: "yellow", [DEVELOPMENT]: "yellow" }),
      post("update", "2012-06-30T12:00"),
      post("resolved", "2012-06-30T16:25"),
    ],
    { title: "Widespread Application Outage", componentIds: [PRODUCTION, DEVELOPMENT] },
  );
}

/** Compact view of intervals for assertions: "red 10:00–11:00" style tuples. */
export function spans(intervals: { state: ComponentState; start: Date; end: Date }[]): [ComponentState, string, string][] {
  return intervals.map(({ state, start, end }) => [state, start.toISOString().slice(0, 16), end.toISOString().slice(0, 16)]);
}

export function interval(state: ComponentState, start: string, end: string, componentId = PRODUCTION): StateInterval {
  return { componentId, state, start: utc(start), end: utc(end) };
}
