import { timeOf } from "./dates";
import type { TimelinePost } from "./types";

function comparePosts(a: TimelinePost, b: TimelinePost): number {
  return a.postedAt.getTime() - b.postedAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

/** Timeline order: postedAt, then createdAt, then id, so a backdated post lands in its place. */
export function sortPosts(posts: readonly TimelinePost[]): TimelinePost[] {
  for (const post of posts) {
    timeOf(post.postedAt, `post ${post.id} postedAt`);
    timeOf(post.createdAt, `post ${post.id} createdAt`);
  }
  return [...posts].sort(comparePosts);
}

/** Posts that have happened by `nowMs`, in timeline order; future-dated posts wait for their time. */
export function visiblePosts(posts: readonly TimelinePost[], nowMs: number): TimelinePost[] {
  return sortPosts(posts).filter((post) => post.postedAt.getTime() <= nowMs);
}
