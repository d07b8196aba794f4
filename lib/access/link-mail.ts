// The mail a reader's sign-in link is sent in: written in the language of the page they asked from
// and signed with the page's name (its brand). Pure.
import { type Locale, t } from "@/lib/i18n";
import type { TransactionalMail } from "@/lib/mail/transport";

/** Whose page the link opens, and in which language the mail and that page speak. */
export interface LinkPage {
  locale: Locale;
  pageName: string;
}

export function signInLinkMail(to: string, link: string, minutes: number, { locale, pageName }: LinkPage): TransactionalMail {
  const site = pageName;
  return {
    to,
    subject: t(locale, "access.mail.subject", { site }),
    text: `${t(locale, "access.mail.open", { minutes, site })}\n\n${link}\n\n${t(locale, "access.mail.once")}\n`,
  };
}
