// The two mails a visitor gets straight from the subscribe form (not through the fan-out): the
// confirmation link, or — for an address already confirmed — a reminder with its manage link. Pure.
import type { TransactionalMail } from "@/lib/mail/transport";

const SITE = "Beacon status";

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function mail(to: string, subject: string, lines: string[], link: { href: string; label: string }, headers?: Record<string, string>): TransactionalMail {
  const text = [...lines, "", `${link.label}: ${link.href}`, "", "If you did not ask for this, ignore this mail: nothing more will be sent."].join("\n");
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    "<p>If you did not ask for this, ignore this mail: nothing more will be sent.</p>",
  ].join("\n");
  return { to, subject, text, html, ...(headers ? { headers } : {}) };
}

export function confirmationMail(to: string, confirmLink: string): TransactionalMail {
  return mail(
    to,
    `Confirm your subscription to ${SITE}`,
    [
      `Someone (hopefully you) asked to receive ${SITE} updates by mail at this address.`,
      "Nothing is sent until you confirm; the link works once, for 48 hours.",
    ],
    { href: confirmLink, label: "Confirm your subscription" },
  );
}

export function alreadySubscribedMail(to: string, manageLink: string, unsubscribeHeaders: Record<string, string>): TransactionalMail {
  return mail(
    to,
    `You are already subscribed to ${SITE}`,
    [
      `Someone (hopefully you) asked to subscribe this address to ${SITE}, and it already receives updates.`,
      "Change what you receive, pause or unsubscribe here:",
    ],
    { href: manageLink, label: "Manage your subscription" },
    unsubscribeHeaders,
  );
}
