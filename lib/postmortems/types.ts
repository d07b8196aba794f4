// Plain types of a postmortem, shared by the pure drafting code, the use-cases and the admin pages.

export const POSTMORTEM_STATES = ["draft", "in_review", "published"] as const;
/** draft → in_review → published; a published postmortem may be edited and confirmed again. */
export type PostmortemState = (typeof POSTMORTEM_STATES)[number];

export const POSTMORTEM_STATE_LABEL: Record<PostmortemState, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
};

export type PostmortemLineSource = "public_post" | "internal_event" | "manual";

export interface PostmortemLineDraft {
  at: Date;
  text: string;
  source: PostmortemLineSource;
  /** Only kept lines reach the published text. */
  kept: boolean;
}

/** The sections customers may read once published; `internalNotes` is never one of them. */
export interface PostmortemSections {
  summary: string;
  impact: string;
  contributingFactors: string;
  wentWell: string;
}

export type ActionItemStatus = "open" | "done";

export interface ActionItemLine {
  title: string;
  status: ActionItemStatus;
}

/** What a postmortem draft starts with: the prompts' sections, the computed impact and the prefilled timeline. */
export interface PostmortemDraft extends PostmortemSections {
  lines: PostmortemLineDraft[];
}
