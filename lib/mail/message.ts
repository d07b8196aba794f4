// Builds a subscriber mail from a frozen notice (notice.ts): pure, so what subscribers receive is
// pinned by unit tests. Multipart: the post's Markdown as the plain-text part, and the HTML the
// public page shows (lib/text/markdown: escaped, then an allowlist sanitizer) as the HTML part.
// No text of a commander or subscriber reaches a header unflattened: `headerText` removes line
// breaks, and nodemailer encodes what remains (RFC 2047).
import { postHtml } from "@/lib/text/markdown";
import { STATE_LABEL } from "@/lib/text/labels";
import type { MailNotice } from "./notice";
import { threadRootId } from "./message-id";

/** What the transport sends (a subset of nodemailer's options). */
export interface MailMessage {
  from: string;
  /** One address, given as an object so nodemailer never parses it as a list. */
  to: { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
}

export interface Recipient {
  subscriberId: number;
  email: string;
  manageUrl: string;
  /** The one-click unsubscribe URL (RFC 8058): a POST to it unsubscribes. */
  unsubscribeUrl: string;
}

export interface NoticeMailContext {
  pageName: string;
  from: string;
  /** This mail's Message-ID (message-id.ts). */
  messageId: string;
  domain: string;
}

/** One line, no control characters: safe to hand to a header encoder. */
export function headerText(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function noticeSubject(notice: MailNotice, pageName: string): string {
  return headerText(`[${notice.label}] ${notice.incidentTitle} — ${pageName}`);
}

export function buildNoticeMail(notice: MailNotice, recipient: Recipient, context: NoticeMailContext): MailMessage {
  const root = threadRootId(notice.incidentNumber, recipient.subscriberId, context.domain);
  const threading = context.messageId === root ? {} : { inReplyTo: root, references: root };
  const components = notice.components.map((component) => `${component.name}: ${STATE_LABEL[component.state]}`);
  const text = [
    `${notice.label}: ${notice.incidentTitle}`,
    "",
    notice.body,
    ...(components.length > 0 ? ["", "Affected components:", ...components.map((line) => `- ${line}`)] : []),
    "",
    `Follow this incident: ${notice.url}`,
    "",
    "--",
    `You receive this because you subscribed to ${context.pageName}.`,
    `Change what you receive or pause: ${recipient.manageUrl}`,
    `Unsubscribe: ${recipient.unsubscribeUrl}`,
  ].join("\n");
  const componentList =
    components.length > 0 ? `<p><strong>Affected components</strong></p><ul>${components.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>` : "";
  const html = [
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(noticeSubject(notice, context.pageName))}</title></head><body>`,
    `<p><strong>${escapeHtml(notice.label)}</strong>: ${escapeHtml(notice.incidentTitle)}</p>`,
    `<div>${postHtml(notice.body)}</div>`,
    componentList,
    `<p><a href="${escapeHtml(notice.url)}">Follow this incident on ${escapeHtml(context.pageName)}</a></p>`,
    `<hr><p>You receive this because you subscribed to ${escapeHtml(context.pageName)}. `,
    `<a href="${escapeHtml(recipient.manageUrl)}">Change what you receive or pause</a> · `,
    `<a href="${escapeHtml(recipient.unsubscribeUrl)}">Unsubscribe</a></p></body></html>`,
  ].join("");
  return {
    from: context.from,
    to: { name: "", address: headerText(recipient.email) },
    subject: noticeSubject(notice, context.pageName),
    text,
    html,
    messageId: context.messageId,
    ...threading,
    headers: {
      "List-Unsubscribe": `<${headerText(recipient.unsubscribeUrl)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `${headerText(context.pageName).replace(/[<>"]/g, "")} <updates.${context.domain}>`,
    },
  };
}
