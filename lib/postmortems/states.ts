// PURE: the postmortem's states. Drafts go to review; a review goes back to draft or is published;
// a published postmortem stays published, and its edits reach customers only when confirmed again.
import type { PostmortemState } from "./types";

const NEXT: Record<PostmortemState, readonly PostmortemState[]> = {
  draft: ["in_review"],
  in_review: ["draft", "published"],
  published: ["published"],
};

export function canMove(from: PostmortemState, to: PostmortemState): boolean {
  return NEXT[from].includes(to);
}

/** Only a reviewed (or already published) postmortem is shown to customers. */
export const canPublish = (state: PostmortemState): boolean => canMove(state, "published");
