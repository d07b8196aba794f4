// PURE: what a chat message says about one change of the public timeline, before any platform's
// markup: the headline, the post's text, the link, the colour and the components' new states.
// Each platform file (chat-slack, chat-discord, chat-teams, chat-google) only lays this out and
// escapes it; `fitEscaped` keeps every text inside the platform's documented limit.
import { incidentUrl, postmortemUrl } from "@/lib/formats/common";
import { POST_TYPE_LABEL, STATE_LABEL } from "@/lib/text/labels";
import type { ComponentState } from "@/lib/timeline/types";
import type { WebhookNotice } from "./payload";

/** The colour of a message: the worst new state it announces, or neutral when it announces none. */
export type ChatTone = ComponentState | "neutral";

export interface ChatComponentLine {
  name: string;
  /** "Outage (was Operational)" */
  change: string;
  after: ComponentState;
}

export interface ChatMessage {
  /** "Incident #2105 resolved: Git push failing" */
  headline: string;
  /** "Resolved", "Scheduled", "Postmortem": what the text below is. */
  label: string;
  /** The post's (or postmortem's) Markdown as written, unescaped. */
  text: string;
  link: string;
  linkLabel: string;
  tone: ChatTone;
  components: ChatComponentLine[];
  at: Date;
}

/** The same hues as the public page's state colours. */
export const TONE_HEX: Record<ChatTone, string> = {
  green: "#15803d",
  yellow: "#d97706",
  red: "#b91c1c",
  blue: "#1d4ed8",
  neutral: "#52525b",
};

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

const defuseAtMentions = (text: string) => text.replace(/@(?=(everyone|here|channel|all|room)\b)/gi, "@\u200b");

const SEVERITY: ComponentState[] = ["green", "blue", "yellow", "red"];

function toneOf(notice: WebhookNotice): ChatTone {
  const worst = notice.componentChanges.map((change) => change.after).sort((a, b) => SEVERITY.indexOf(b) - SEVERITY.indexOf(a))[0];
  if (worst) return worst;
  if (notice.event === "incident.resolved") return "green";
  if (notice.event.startsWith("maintenance.")) return "blue";
  return "neutral";
}

export function chatMessage(notice: WebhookNotice): ChatMessage {
  const { incident, post } = notice;
  const kind = incident.kind === "maintenance" ? "Maintenance" : "Incident";
  return {
    headline: defuseAtMentions(`${kind} #${incident.number} ${EVENT_WORDS[notice.event] ?? notice.event}: ${incident.title}`),
    label: post ? POST_TYPE_LABEL[post.type] : "Postmortem",
    text: defuseAtMentions((post?.body ?? notice.postmortem?.body ?? "").trim()),
    link: post ? incidentUrl(notice.baseUrl, incident.number) : postmortemUrl(notice.baseUrl, incident.number),
    linkLabel: post ? `View ${kind.toLowerCase()}` : "Read the postmortem",
    tone: toneOf(notice),
    components: notice.componentChanges.map((change) => ({
      name: defuseAtMentions(change.name),
      change: `${STATE_LABEL[change.after]} (was ${STATE_LABEL[change.before]})`,
      after: change.after,
    })),
    at: notice.occurredAt,
  };
}

export const ELLIPSIS = "…";

/**
 * `escapeText(text)` if it fits in `max` characters, else the longest escaped prefix of `text` plus "…".
 * Cutting before escaping never splits an escape sequence (`&amp;`, `\*`) or a surrogate pair.
 */
export function fitEscaped(text: string, max: number, escapeText: (text: string) => string = (plain) => plain): string {
  const whole = escapeText(text);
  if (whole.length <= max) return whole;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (escapeText(chars.slice(0, middle).join("")).length + ELLIPSIS.length <= max) low = middle;
    else high = middle - 1;
  }
  return `${escapeText(chars.slice(0, low).join("").trimEnd())}${ELLIPSIS}`;
}

/** Breaks plain mention words (`@everyone`, `@here`, `@channel`, `@all`) with a zero-width space on every platform: it reads the same, pings no one. */

/**
 * CommonMark's backslash escape for what Discord's and Adaptive Cards' Markdown read as markup:
 * emphasis, code, spoilers, `<` (mentions), quotes, headings, list markers and `[` of a link (so
 * parentheses need none).
 */
export const escapeMarkdown = (text: string) => text.replace(/[\\*_~`|<>#[\]+-]/g, "\\$&");

/** At most `max` lines; the last says how many more there were. */
export function capLines<T>(items: readonly T[], max: number, more: (count: number) => T): T[] {
  return items.length <= max ? [...items] : [...items.slice(0, max - 1), more(items.length - max + 1)];
}
