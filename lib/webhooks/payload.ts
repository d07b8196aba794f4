// PURE: the body Beacon POSTs for one change of the public timeline — Beacon's JSON, or a
// Slack-compatible message (`text` for notifications, `blocks` for the layout).
import type { ComponentState, PostType } from "@/lib/timeline/types";

interface NoticeBase {
  event: string;
  occurredAt: Date;
  baseUrl: string;
  incident: { number: number; title: string; kind: string; openedAt: Date; resolvedAt: Date | null };
  componentChanges: { id: number; name: string; slug: string; before: ComponentState; after: ComponentState }[];
}

/** A change of the public timeline: the post it concerns. */
export interface PostNotice extends NoticeBase {
  post: { id: number; type: PostType; body: string; postedAt: Date; deletedReason?: string | null };
  postmortem?: undefined;
}

/** `postmortem.published`: the text exactly as published, and no post. */
export interface PostmortemNotice extends NoticeBase {
  post: null;
  postmortem: { body: string; publishedAt: Date };
}

export type WebhookNotice = PostNotice | PostmortemNotice;

export const incidentUrl = (notice: Pick<WebhookNotice, "baseUrl" | "incident">) => `${notice.baseUrl}/incidents/${notice.incident.number}`;
const postmortemUrl = (notice: Pick<WebhookNotice, "baseUrl" | "incident">) => `${incidentUrl(notice)}/postmortem`;

export function jsonPayload(notice: WebhookNotice) {
  const { incident, post } = notice;
  return {
    event: notice.event,
    occurred_at: notice.occurredAt.toISOString(),
    incident: {
      number: incident.number,
      title: incident.title,
      kind: incident.kind,
      status: incident.resolvedAt ? "resolved" : "open",
      url: incidentUrl(notice),
      opened_at: incident.openedAt.toISOString(),
      resolved_at: incident.resolvedAt?.toISOString() ?? null,
    },
    post: post
      ? {
          id: post.id,
          type: post.type,
          body: post.body,
          posted_at: post.postedAt.toISOString(),
          ...(post.deletedReason ? { deleted_reason: post.deletedReason } : {}),
        }
      : null,
    ...(notice.postmortem
      ? { postmortem: { url: postmortemUrl(notice), body: notice.postmortem.body, published_at: notice.postmortem.publishedAt.toISOString() } }
      : {}),
    component_changes: notice.componentChanges.map((change) => ({
      id: change.id,
      slug: change.slug,
      name: change.name,
      old_state: change.before,
      new_state: change.after,
    })),
  };
}

const EVENT_WORDS: Record<string, string> = {
  "incident.opened": "opened",
  "incident.updated": "updated",
  "incident.resolved": "resolved",
  "post.edited": "post edited",
  "post.deleted": "post deleted",
  "maintenance.scheduled": "scheduled",
  "maintenance.extended": "extended",
  "maintenance.ended": "ended early",
  "maintenance.cancelled": "cancelled",
  "postmortem.published": "postmortem published",
};
const STATE_EMOJI: Record<ComponentState, string> = {
  green: ":large_green_circle:",
  yellow: ":large_yellow_circle:",
  red: ":red_circle:",
  blue: ":large_blue_circle:",
};
const SLACK_TEXT_LIMIT = 2900; // a section block's text may hold 3000 characters

/** Slack's mrkdwn treats &, < and > as control characters. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackPayload(notice: WebhookNotice) {
  const { incident, post } = notice;
  const what = EVENT_WORDS[notice.event] ?? notice.event;
  const headline = `${incident.kind === "maintenance" ? "Maintenance" : "Incident"} #${incident.number} ${what}: ${incident.title}`;
  const text = post?.body ?? notice.postmortem?.body ?? "";
  const body = text.length > SLACK_TEXT_LIMIT ? `${text.slice(0, SLACK_TEXT_LIMIT)}…` : text;
  const link = notice.postmortem ? postmortemUrl(notice) : incidentUrl(notice);
  const changes = notice.componentChanges.map((change) => `${STATE_EMOJI[change.after]} ${slackEscape(change.name)}: ${change.before} → ${change.after}`);
  return {
    text: `${headline} ${link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*<${link}|${slackEscape(headline)}>*` } },
      ...(body.trim() ? [{ type: "section", text: { type: "mrkdwn", text: `${post ? `*${post.type}*: ` : ""}${slackEscape(body)}` } }] : []),
      ...(changes.length ? [{ type: "context", elements: [{ type: "mrkdwn", text: changes.join("\n") }] }] : []),
    ],
  };
}

export function payloadFor(format: "json" | "slack", notice: WebhookNotice): string {
  return JSON.stringify(format === "slack" ? slackPayload(notice) : jsonPayload(notice));
}
