// The two mails a visitor gets straight from the subscribe form (not through the fan-out): the
// confirmation link, or — for an address already confirmed — a reminder with its manage link, in
// the subscriber's language (lib/i18n) and signed with the page's name (its brand); the links open
// their pages in the language too. Pure.
import { type Locale, t } from "@/lib/i18n";
import type { TransactionalMail } from "@/lib/mail/transport";
import { inLanguage } from "./links";

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function mail(
  locale: Locale,
  to: string,
  subject: string,
  lines: string[],
  link: { href: string; label: string },
  headers?: Record<string, string>,
): TransactionalMail {
  const ignore = t(locale, "mail.ignore");
  const href = inLanguage(link.href, locale);
  const text = [...lines, "", `${link.label}: ${href}`, "", ignore].join("\n");
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(href)}">${escapeHtml(link.label)}</a></p>`,
    `<p>${escapeHtml(ignore)}</p>`,
  ].join("\n");
  return { to, subject, text, html, ...(headers ? { headers } : {}) };
}

export function confirmationMail(to: string, confirmLink: string, locale: Locale, pageName: string): TransactionalMail {
  const site = { site: pageName };
  return mail(locale, to, t(locale, "mail.confirm.subject", site), [t(locale, "mail.confirm.asked", site), t(locale, "mail.confirm.once")], {
    href: confirmLink,
    label: t(locale, "subscribe.confirmTitle"),
  });
}

export function alreadySubscribedMail(
  to: string,
  manageLink: string,
  unsubscribeHeaders: Record<string, string>,
  locale: Locale,
  pageName: string,
): TransactionalMail {
  const site = { site: pageName };
  return mail(
    locale,
    to,
    t(locale, "mail.already.subject", site),
    [t(locale, "mail.already.asked", site), t(locale, "mail.already.manage")],
    { href: manageLink, label: t(locale, "subscribe.manageLink") },
    unsubscribeHeaders,
  );
}
