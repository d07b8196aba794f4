// Builds a subscriber mail from a frozen notice (notice.ts): pure, so what subscribers receive is
// pinned by unit tests. Multipart: the post's Markdown as the plain-text part, and the HTML the
// public page shows (lib/text/markdown: escaped, then an allowlist sanitizer) as the HTML part.
// No text of a commander or subscriber reaches a header unflattened: `headerText` removes line
// breaks, and nodemailer encodes what remains (RFC 2047). Fixed texts (the subject's bracket, state
// names, the maintenance windows' texts, the footer) are in the subscriber's language (lib/i18n);
// the post's body stays as written, and the headers (threading, List-Unsubscribe) never vary by it.
import { ENGLISH, type I18n, i18nFor, type Locale, type MessageKey } from "@/lib/i18n";
import { inLanguage } from "@/lib/subscriptions/links";
import { postHtml } from "@/lib/text/markdown";
import type { MailNotice, NoticeKind } from "./notice";
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
  /** The language the mail is written in, and its links' pages. */
  locale: Locale;
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

/** The subject's bracket: the post's type, or what happened to the maintenance (a notice from before `postType` keeps its English label). */
function noticeLabel(notice: MailNotice, i18n: I18n): string {
  if (notice.kind !== "post") return i18n.t(`mail.kind.${notice.kind}`);
  return notice.postType ? i18n.t(`postType.${notice.postType}`) : notice.label;
}

const WINDOW_TEXT: Partial<Record<NoticeKind, MessageKey>> = {
  maintenance_reminder: "mail.body.reminder",
  maintenance_started: "mail.body.started",
  maintenance_ended: "mail.body.ended",
};

/** The mail's body: a maintenance window's fixed text about its times (in UTC), else the post's Markdown as written. */
export function noticeBody(notice: Pick<MailNotice, "kind" | "body" | "window">, i18n: I18n): string {
  const key = WINDOW_TEXT[notice.kind];
  if (!key || !notice.window) return notice.body;
  return i18n.t(key, { start: i18n.time(new Date(notice.window.start)), end: i18n.time(new Date(notice.window.end)) });
}

export function noticeSubject(notice: MailNotice, pageName: string, i18n: I18n = ENGLISH): string {
  return headerText(`[${noticeLabel(notice, i18n)}] ${notice.incidentTitle} — ${pageName}`);
}

export function buildNoticeMail(notice: MailNotice, recipient: Recipient, context: NoticeMailContext): MailMessage {
  const i18n = i18nFor({ lang: recipient.locale });
  const root = threadRootId(notice.incidentNumber, recipient.subscriberId, context.domain);
  const threading = context.messageId === root ? {} : { inReplyTo: root, references: root };
  const label = noticeLabel(notice, i18n);
  const subject = noticeSubject(notice, context.pageName, i18n);
  const body = noticeBody(notice, i18n);
  const components = notice.components.map((component) => `${component.name}: ${i18n.t(`state.${component.state}`)}`);
  // The links in the text open their pages in the mail's language; List-Unsubscribe keeps the bare one-click URL.
  const manageUrl = inLanguage(recipient.manageUrl, recipient.locale);
  const unsubscribeUrl = inLanguage(recipient.unsubscribeUrl, recipient.locale);
  const site = { site: context.pageName };
  const text = [
    `${label}: ${notice.incidentTitle}`,
    "",
    body,
    ...(components.length > 0 ? ["", i18n.t("mail.affectedList"), ...components.map((line) => `- ${line}`)] : []),
    "",
    i18n.t("mail.follow", { url: notice.url }),
    "",
    "--",
    i18n.t("mail.why", site),
    `${i18n.t("mail.manage")}: ${manageUrl}`,
    `${i18n.t("subscribe.unsubscribe")}: ${unsubscribeUrl}`,
  ].join("\n");
  const componentList =
    components.length > 0
      ? `<p><strong>${escapeHtml(i18n.t("mail.affected"))}</strong></p><ul>${components.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`
      : "";
  const html = [
    `<!doctype html><html lang="${i18n.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p><strong>${escapeHtml(label)}</strong>: ${escapeHtml(notice.incidentTitle)}</p>`,
    `<div>${postHtml(body)}</div>`,
    componentList,
    `<p><a href="${escapeHtml(notice.url)}">${escapeHtml(i18n.t("mail.followOn", site))}</a></p>`,
    `<hr><p>${escapeHtml(i18n.t("mail.why", site))} `,
    `<a href="${escapeHtml(manageUrl)}">${escapeHtml(i18n.t("mail.manage"))}</a> · `,
    `<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(i18n.t("subscribe.unsubscribe"))}</a></p></body></html>`,
  ].join("");
  return {
    from: context.from,
    to: { name: "", address: headerText(recipient.email) },
    subject,
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
