// The sign-in link's mail: in the language of the page it was asked from, signed with the page's
// name, the link itself untouched.
import { describe, expect, it } from "vitest";
import { signInLinkMail } from "@/lib/access/link-mail";
import { LOCALES } from "@/lib/i18n";

const LINK = "https://status.example.com/access?link=abcdefghijklmnopqrstuvwxyz&return=%2F&lang=de";

describe("the sign-in link's mail", () => {
  it.each(LOCALES)("in %s names the page and carries the link", (locale) => {
    const mail = signInLinkMail("ann@example.com", LINK, 15, { locale, pageName: "Example status" });
    const english = signInLinkMail("ann@example.com", LINK, 15, { locale: "en", pageName: "Example status" });
    expect(mail.to).toBe("ann@example.com");
    expect(mail.subject).toContain("Example status");
    expect(mail.text).toContain("Example status");
    expect(mail.text.split("\n")).toContain(LINK);
    expect(mail.text).toMatch(/15/);
    if (locale !== "en") expect([mail.subject, mail.text.split("\n")[0]]).not.toEqual([english.subject, english.text.split("\n")[0]]);
  });

  it("reads naturally in English and German", () => {
    const english = signInLinkMail("a@example.com", LINK, 1, { locale: "en", pageName: "Acme status" });
    expect(english.subject).toBe("Your sign-in link to Acme status");
    expect(english.text).toBe(
      `Open this link within 1 minute to read Acme status:\n\n${LINK}\n\nIt works once. If you did not ask for it, ignore this mail.\n`,
    );
    expect(signInLinkMail("a@example.com", LINK, 15, { locale: "de", pageName: "Acme status" }).subject).toBe("Ihr Anmeldelink für Acme status");
  });
});
