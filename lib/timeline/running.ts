// An incident condensed to what its current state depends on (issue 16). A publish needs each
// active incident's states still in force, not its history: `runningStates` reads them off the whole
// timeline, the database keeps them (ComponentCurrentState), and `condensedIncident` turns them back
// into an incident of a few posts for which rules 2–7 give the same current states, openness and end
// as the whole timeline, at any `now` from its last post on, maintenance windows included.
import { timeOf } from "./dates";
import { segmentsFromPosts } from "./effects";
import { visiblePosts } from "./order";
import type { ComponentState, TimelineIncident, TimelinePost } from "./types";

/** A state an incident's posts set that is still in force: since when, and which post set it. */
export interface RunningState {
  componentId: number;
  state: ComponentState;
  since: Date;
  postId: number;
}

/** An incident without its posts. */
export type IncidentHeader = Omit<TimelineIncident, "posts">;

/** The non-green states still in force after the posts up to `now` (rules 2–4), before a maintenance window is applied; by component. */
export function runningStates(incident: TimelineIncident, now: Date): RunningState[] {
  const nowMs = timeOf(now, "now");
  return segmentsFromPosts(visiblePosts(incident.posts, nowMs), nowMs)
    .filter((segment) => segment.running)
    .map(({ componentId, state, start, postId }) => ({ componentId, state, since: new Date(start), postId }))
    .sort((a, b) => a.componentId - b.componentId);
}

/**
 * The incident with one post per post that set a running state (carrying those states), or, once it
 * has ended (`resolvedAt`), one Resolved post then. Post types other than Resolved do not matter to
 * the states, so the stand-ins are Updates; a later post lands after them as it would in the whole timeline.
 */
export function condensedIncident(header: IncidentHeader, running: readonly RunningState[], resolvedAt: Date | null): TimelineIncident {
  if (resolvedAt) return { ...header, posts: [{ id: 0, type: "resolved", postedAt: resolvedAt, createdAt: resolvedAt, stateChanges: [] }] };
  const byPost = new Map<number, TimelinePost>();
  for (const { componentId, state, since, postId } of running) {
    const post = byPost.get(postId) ?? { id: postId, type: "update", postedAt: since, createdAt: since, stateChanges: [] };
    post.stateChanges.push({ componentId, state });
    byPost.set(postId, post);
  }
  return { ...header, posts: [...byPost.values()] };
}
