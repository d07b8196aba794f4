// An incident read post by post: the states just before and just after each post, at the post's
// time — what the Statuspage and Heroku APIs show on every update. One pass over the timeline, so
// an incident of 2,000 posts costs 2,000 steps, not 2,000 re-reads of its first posts (issue 16).
import { timeOf } from "./dates";
import { actsAt, applyPost, effectWindow, type OpenState } from "./effects";
import { visiblePosts } from "./order";
import { rollUpStates } from "./rollup";
import type { ComponentState, TimelineComponent, TimelineIncident, TimelinePost } from "./types";

export interface PostStep {
  post: TimelinePost;
  /** Every known component's state from this incident alone, systems rolled up, from the posts before this one. */
  before: Map<number, ComponentState>;
  /** The same with this post applied. */
  after: Map<number, ComponentState>;
}

/**
 * For each post that has happened by `now`, in timeline order: equal to
 * `currentStates([incident with only the posts up to it], components, post.postedAt)` (before: without
 * it; after: with it), for incidents and maintenance alike.
 */
export function postSteps(incident: TimelineIncident, components: readonly TimelineComponent[], now: Date): PostStep[] {
  const nowMs = timeOf(now, "now");
  const window = effectWindow(incident);
  const open = new Map<number, OpenState>();
  const statesAt = (atMs: number) => {
    const own = new Map<number, ComponentState>();
    if (actsAt(window, atMs)) for (const [componentId, { state }] of open) own.set(componentId, state);
    return rollUpStates(own, components);
  };
  return visiblePosts(incident.posts, nowMs).map((post) => {
    const atMs = post.postedAt.getTime();
    const before = statesAt(atMs);
    applyPost(open, post);
    return { post, before, after: statesAt(atMs) };
  });
}
