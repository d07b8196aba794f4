// PURE: the body Beacon POSTs for one change of the public timeline — Beacon's JSON, or a chat
// platform's message (Slack, Discord, Teams, Google Chat) built from one ChatMessage.
import type { ComponentState, PostType } from "@/lib/timeline/types";
import type { WebhookFormat } from "@/lib/validation/webhooks";
import { discordBody } from "./chat-discord";
import { googleChatBody } from "./chat-google";
import { type ChatMessage, chatMessage } from "./chat-message";
import { slackBody } from "./chat-slack";
import { teamsBody } from "./chat-teams";

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

const CHAT_BODIES: Record<ChatFormat, (message: ChatMessage) => object> = {
  slack: slackBody,
  discord: discordBody,
  teams: teamsBody,
  google_chat: googleChatBody,
};

export type ChatFormat = Exclude<WebhookFormat, "json">;

/** A chat platform's message for the notice (chat-*.ts). */
export const chatPayload = (format: ChatFormat, notice: WebhookNotice) => CHAT_BODIES[format](chatMessage(notice));

/** The body for one endpoint's format. */
export function payloadFor(format: WebhookFormat, notice: WebhookNotice): string {
  return JSON.stringify(format === "json" ? jsonPayload(notice) : chatPayload(format, notice));
}
