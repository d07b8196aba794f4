// PURE: a new postmortem drafted from the template — the computed impact, the timeline prefilled
// from the public posts and the internal events, and empty sections the form prompts for.
import { POST_TYPE_LABEL } from "@/lib/text/labels";
import { markdownToText } from "@/lib/text/markdown";
import { visiblePosts } from "@/lib/timeline/order";
import type { PostType, TimelineComponent, TimelineIncident } from "@/lib/timeline/types";
import { impactMarkdown, postmortemImpact } from "./impact";
import type { PostmortemDraft, PostmortemLineDraft } from "./types";

/** The questions each section answers; the form shows them, the draft starts empty. */
export const SECTION_PROMPTS = {
  summary: "What happened, for customers, in two or three sentences.",
  impact: "Who was affected, how, and for how long (filled in from the timeline).",
  contributingFactors: "What allowed this to happen? Describe the system and process, not a person.",
  wentWell: "What went well: what limited the impact or sped up the recovery?",
  internalNotes: "Internal only, never published: names, internal links, open questions.",
} as const;

export interface DraftPost {
  type: PostType;
  body: string;
  postedAt: Date;
}

/** An entry of the incident's internal timeline, as a postmortem line would quote it. */
export interface DraftInternalEvent {
  occurredAt: Date;
  text: string;
}

/**
 * Public posts are kept by default (customers read them already); internal events start dropped,
 * so nothing internal reaches the published text unless a commander keeps it.
 */
export function prefilledLines(posts: readonly DraftPost[], internal: readonly DraftInternalEvent[]): PostmortemLineDraft[] {
  const fromPosts = posts.map((post) => ({
    at: post.postedAt,
    text: `${POST_TYPE_LABEL[post.type]}: ${markdownToText(post.body)}`,
    source: "public_post" as const,
    kept: true,
  }));
  const fromInternal = internal
    .filter((event) => event.text.trim() !== "")
    .map((event) => ({ at: event.occurredAt, text: event.text.trim(), source: "internal_event" as const, kept: false }));
  // Stable: at equal times a public post comes before an internal event.
  return [...fromPosts, ...fromInternal].sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function draftFromTemplate(
  incident: TimelineIncident & { posts: (TimelineIncident["posts"][number] & { body: string })[] },
  components: readonly TimelineComponent[],
  internal: readonly DraftInternalEvent[],
  now: Date,
): PostmortemDraft {
  const posts = visiblePosts(incident.posts, now.getTime()) as typeof incident.posts;
  return {
    summary: "",
    impact: impactMarkdown(postmortemImpact(incident, components, now)),
    contributingFactors: "",
    wentWell: "",
    lines: prefilledLines(posts, internal),
  };
}
