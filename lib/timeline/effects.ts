import { timeOf } from "./dates";
import { byComponentThenStart, makeInterval } from "./interval";
import { visiblePosts } from "./order";
import type { ComponentState, StateInterval, TimelineIncident, TimelinePost } from "./types";

/** One component's non-green state in one incident; `running` = still in effect at `now`. */
export interface EffectSegment {
  componentId: number;
  state: ComponentState;
  start: number;
  end: number;
  running: boolean;
  /** The post that set this state. */
  postId: number;
}

/** Where an incident may act: everywhere for incidents, [scheduledStartAt, scheduledEndAt) for maintenance. */
export interface EffectWindow {
  start: number;
  end: number;
}

export interface IncidentEffects {
  nowMs: number;
  /** Posts that have happened by now, in timeline order. */
  posts: TimelinePost[];
  segments: EffectSegment[];
  window: EffectWindow;
  /** When the incident stopped contributing, or null while it is still open. */
  endMs: number | null;
}

export function incidentEffects(incident: TimelineIncident, now: Date): IncidentEffects {
  const nowMs = timeOf(now, "now");
  const posts = visiblePosts(incident.posts, nowMs);
  const window = effectWindow(incident);
  const segments = segmentsFromPosts(posts, nowMs).flatMap((segment) => clipToWindow(segment, window, nowMs));
  const lastPost = posts[posts.length - 1];
  const resolvedAt = lastPost?.type === "resolved" ? lastPost.postedAt.getTime() : Infinity;
  const end = Math.min(resolvedAt, window.end);
  return { nowMs, posts, segments, window, endMs: end <= nowMs ? end : null };
}

/** The incident's effect per component as sorted, non-overlapping, non-green intervals ending at most at `now`. */
export function incidentIntervals(incident: TimelineIncident, now: Date): StateInterval[] {
  return incidentEffects(incident, now)
    .segments.filter((segment) => segment.end > segment.start)
    .map((segment) => makeInterval(segment.componentId, segment.state, segment.start, segment.end))
    .sort(byComponentThenStart);
}

export function effectWindow(incident: TimelineIncident): EffectWindow {
  if (incident.kind !== "maintenance") return { start: -Infinity, end: Infinity };
  const { scheduledStartAt, scheduledEndAt } = incident;
  return {
    start: scheduledStartAt ? timeOf(scheduledStartAt, "scheduledStartAt") : -Infinity,
    end: scheduledEndAt ? timeOf(scheduledEndAt, "scheduledEndAt") : Infinity,
  };
}

/** A component's non-green state set by an incident's posts so far, not yet ended. */
export interface OpenState {
  state: ComponentState;
  start: number;
  postId: number;
}

/**
 * Rules 2–4 for one post: updates `open` (component → the state in force) and reports each state the
 * post ends through `close`. Shared by the whole-timeline scan and the post-by-post steps.
 */
export function applyPost(
  open: Map<number, OpenState>,
  post: TimelinePost,
  close: (componentId: number, ended: OpenState, end: number) => void = () => {},
): void {
  const at = post.postedAt.getTime();
  const end = (componentId: number) => {
    const current = open.get(componentId);
    if (current) close(componentId, current, at);
    open.delete(componentId);
  };
  if (post.type === "resolved") {
    // The incident stops contributing; the resolved post's own changes are ignored.
    for (const componentId of [...open.keys()]) end(componentId);
    return;
  }
  for (const { componentId, state } of post.stateChanges) {
    if (open.get(componentId)?.state === state) continue;
    end(componentId);
    if (state !== "green") open.set(componentId, { state, start: at, postId: post.id });
  }
}

/** Rules 2–4 on posts already in timeline order; the maintenance window is not applied yet. */
export function segmentsFromPosts(posts: readonly TimelinePost[], nowMs: number): EffectSegment[] {
  const open = new Map<number, OpenState>();
  const segments: EffectSegment[] = [];
  for (const post of posts) applyPost(open, post, (componentId, ended, end) => segments.push({ componentId, ...ended, end, running: false }));
  for (const [componentId, current] of open) segments.push({ componentId, ...current, end: nowMs, running: true });
  return segments;
}

/** Whether a maintenance's window lets its states act at `atMs` (incidents: always); see clipToWindow. */
export function actsAt(window: EffectWindow, atMs: number): boolean {
  return window.start <= atMs && atMs < window.end;
}

/** A maintenance acts only inside its window; clipping there is what delays a `scheduled` post to the start. */
function clipToWindow(segment: EffectSegment, window: EffectWindow, nowMs: number): EffectSegment[] {
  const start = Math.max(segment.start, window.start);
  const end = Math.min(segment.end, window.end);
  const running = segment.running && window.end > nowMs;
  // A zero-length running segment still counts: a post made exactly at `now` sets the current state.
  if (end < start || (end === start && !running)) return [];
  return [{ ...segment, start, end, running }];
}
