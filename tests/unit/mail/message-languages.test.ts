// Subscriber mails in each language of the public pages: the fixed texts (subject bracket, state
// names, headings, maintenance texts, footer, the confirmation mails) are the subscriber's, the
// post's body stays as written, and the headers mail clients act on are the same in every language.
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n";
import { buildNoticeMail, type MailMessage, type Recipient } from "@/lib/mail/message";
import { messageDomain, noticeMessageId } from "@/lib/mail/message-id";
import type { MailNotice } from "@/lib/mail/notice";
import { alreadySubscribedMail, confirmationMail } from "@/lib/subscriptions/mails";

const post: MailNotice = {
  kind: "post",
  incidentNumber: 42,
  incidentTitle: "Elevated error rates",
  label: "Investigating",
  postType: "investigating",
  body: "We are **looking into** errors on the API.",
  components: [{ name: "API", state: "red" }],
  url: "https://status.example.com/incidents/42",
  occurredAt: "2026-12-01T10:00:00.000Z",
  opensThread: false,
};
const reminder: MailNotice = {
  ...post,
  kind: "maintenance_reminder",
  label: "Maintenance starting soon",
  postType: undefined,
  body: "The scheduled maintenance starts at Dec 2, 2026 03:00 UTC and is planned to end at Dec 2, 2026 04:30 UTC.",
  window: { start: "2026-12-02T03:00:00.000Z", end: "2026-12-02T04:30:00.000Z" },
  components: [{ name: "API", state: "blue" }],
};
const domain = messageDomain("https://status.example.com");
const recipient = (locale: Locale): Recipient => ({
  subscriberId: 7,
  email: "ada@example.org",
  manageUrl: "https://status.example.com/subscribe/manage?token=m",
  unsubscribeUrl: "https://status.example.com/unsubscribe?token=u",
  locale,
});
const context = {
  pageName: "Example status",
  from: "Example status <status@example.com>",
  domain,
  messageId: noticeMessageId({ id: 5, incidentNumber: 42, opensThread: false }, 7, domain),
};

async function parsed(message: MailMessage) {
  const { message: raw } = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
  return simpleParser(raw as Buffer);
}

/** Per language: the subject's bracket, the state's name, the components heading, the footer's first words and the maintenance reminder. */
const EXPECTED: Record<Locale, { bracket: string; state: string; heading: string; why: string; reminder: string; maintenance: string }> = {
  en: {
    bracket: "[Investigating]",
    state: "- API: Outage",
    heading: "Affected components:",
    why: "You receive this because you subscribed to Example status.",
    reminder: "The scheduled maintenance starts at Dec 2, 2026 03:00 UTC and is planned to end at Dec 2, 2026 04:30 UTC.",
    maintenance: "[Maintenance starting soon]",
  },
  de: {
    bracket: "[Untersuchung]",
    state: "- API: Ausfall",
    heading: "Betroffene Komponenten:",
    why: "Sie erhalten diese E-Mail, weil Sie Example status abonniert haben.",
    reminder: "Die geplante Wartung beginnt am 2. Dez. 2026, 03:00 UTC und soll am 2. Dez. 2026, 04:30 UTC enden.",
    maintenance: "[Wartung beginnt bald]",
  },
  fr: {
    bracket: "[Analyse en cours]",
    state: "- API: Panne",
    heading: "Composants concernés :",
    why: "Vous recevez cet e-mail car cette adresse est abonnée à Example status.",
    reminder: "La maintenance planifiée commence le 2 déc. 2026, 03:00 UTC et doit se terminer le 2 déc. 2026, 04:30 UTC.",
    maintenance: "[La maintenance commence bientôt]",
  },
  es: {
    bracket: "[Investigando]",
    state: "- API: Interrupción",
    heading: "Componentes afectados:",
    why: "Recibe este correo porque se suscribió a Example status.",
    reminder: "El mantenimiento programado empieza el 2 dic 2026, 03:00 UTC y está previsto que termine el 2 dic 2026, 04:30 UTC.",
    maintenance: "[El mantenimiento empieza pronto]",
  },
  ja: {
    bracket: "[調査中]",
    state: "- API: 停止",
    heading: "影響を受けるコンポーネント：",
    why: "Example status を購読しているため、このメールをお送りしています。",
    reminder: "予定されているメンテナンスは 2026年12月2日 03:00 UTC に始まり、2026年12月2日 04:30 UTC に終了する予定です。",
    maintenance: "[まもなくメンテナンス開始]",
  },
};

describe.each(LOCALES)("a subscriber mail in %s", (locale) => {
  const expected = EXPECTED[locale];

  it("has the subject bracket, state names, headings and footer in the language, and the post's body as written", async () => {
    const mail = await parsed(buildNoticeMail(post, recipient(locale), context));
    expect(mail.subject).toBe(`${expected.bracket} Elevated error rates — Example status`);
    expect(mail.text).toContain(expected.state);
    expect(mail.text).toContain(expected.heading);
    expect(mail.text).toContain(expected.why);
    expect(mail.text).toContain("We are **looking into** errors on the API.");
    expect(mail.text).toContain(`https://status.example.com/subscribe/manage?token=m&lang=${locale}`);
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expect(mail.html).toContain("<strong>looking into</strong>");
  });

  it("writes a maintenance window's reminder with its times in the language", async () => {
    const mail = await parsed(buildNoticeMail(reminder, recipient(locale), context));
    expect(mail.subject).toBe(`${expected.maintenance} Elevated error rates — Example status`);
    expect(mail.text).toContain(expected.reminder);
  });

  it("keeps the threading and unsubscribe headers exactly as in English", async () => {
    const headers = (message: MailMessage) => ({
      messageId: message.messageId,
      inReplyTo: message.inReplyTo,
      references: message.references,
      headers: message.headers,
    });
    const english = buildNoticeMail(post, recipient("en"), context);
    const local = buildNoticeMail(post, recipient(locale), context);
    expect(headers(local)).toEqual(headers(english));
    expect(local.headers?.["List-Unsubscribe"]).toBe("<https://status.example.com/unsubscribe?token=u>");
  });

  it("sends the confirmation and already-subscribed mails in the language, their links opening pages in it", () => {
    const confirm = confirmationMail("ada@example.org", "https://status.example.com/subscribe/confirm?token=c", locale, "Beacon status");
    const english = confirmationMail("ada@example.org", "https://status.example.com/subscribe/confirm?token=c", "en", "Beacon status");
    expect(confirm.text).toContain(`https://status.example.com/subscribe/confirm?token=c&lang=${locale}`);
    if (locale !== "en") {
      expect(confirm.subject).not.toBe(english.subject);
      expect(confirm.text.split("\n")[0]).not.toBe(english.text.split("\n")[0]);
    }
    const already = alreadySubscribedMail(
      "ada@example.org",
      "https://status.example.com/subscribe/manage?token=m",
      { "List-Unsubscribe": "<u>" },
      locale,
      "Beacon status",
    );
    expect(already.text).toContain(`https://status.example.com/subscribe/manage?token=m&lang=${locale}`);
    expect(already.headers).toEqual({ "List-Unsubscribe": "<u>" });
  });
});

describe("confirmation mails", () => {
  it("read naturally in German and Japanese", () => {
    const link = "https://status.example.com/subscribe/confirm?token=c";
    expect(confirmationMail("a@example.org", link, "de", "Beacon status").subject).toBe("Bestätigen Sie Ihr Abonnement von Beacon status");
    expect(confirmationMail("a@example.org", link, "de", "Beacon status").text).toContain("Bestätigen Sie Ihr Abonnement: ");
    expect(confirmationMail("a@example.org", link, "ja", "Beacon status").subject).toBe("Beacon status の購読を確認してください");
    expect(confirmationMail("a@example.org", link, "en", "Beacon status").subject).toBe("Confirm your subscription to Beacon status");
  });
});
