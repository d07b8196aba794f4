// Builds subscriber mails and runs them through nodemailer's real MIME compiler, then reads them
// back with mailparser, as a mail client would.
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { buildNoticeMail, headerText, type Recipient } from "@/lib/mail/message";
import { messageDomain, noticeMessageId, threadRootId } from "@/lib/mail/message-id";
import type { MailNotice } from "@/lib/mail/notice";

const notice: MailNotice = {
  kind: "post",
  incidentNumber: 42,
  incidentTitle: "Elevated error rates",
  label: "Investigating",
  body: "We are **looking into** errors on the API.\n\n<script>alert(1)</script>",
  components: [
    { name: "API", state: "red" },
    { name: "Dashboard", state: "yellow" },
  ],
  url: "https://status.example.com/incidents/42",
  occurredAt: "2026-12-01T10:00:00.000Z",
  opensThread: true,
};
const recipient: Recipient = {
  subscriberId: 7,
  email: "ada@example.org",
  manageUrl: "https://status.example.com/subscribe/manage?token=abc",
  unsubscribeUrl: "https://status.example.com/unsubscribe?token=abc",
  locale: "en",
};
const domain = messageDomain("https://status.example.com");
const context = (job: { id: number; opensThread: boolean }) => ({
  pageName: "Example status",
  from: "Example status <status@example.com>",
  domain,
  messageId: noticeMessageId({ ...job, incidentNumber: 42 }, recipient.subscriberId, domain),
});

async function compiled(message: ReturnType<typeof buildNoticeMail>) {
  const { message: raw } = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
  return { raw: raw.toString(), parsed: await simpleParser(raw as Buffer) };
}

describe("a subscriber mail", () => {
  it("says the state, the incident and the page in its subject, and is multipart plain text + sanitized HTML", async () => {
    const { raw, parsed } = await compiled(buildNoticeMail(notice, recipient, context({ id: 1, opensThread: true })));
    expect(parsed.subject).toBe("[Investigating] Elevated error rates — Example status");
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(parsed.text).toContain("We are **looking into** errors on the API.");
    expect(parsed.text).toContain("- API: Outage");
    expect(parsed.text).toContain("Follow this incident: https://status.example.com/incidents/42");
    expect(parsed.html).toContain("<strong>looking into</strong>");
    expect(parsed.html).not.toContain("<script>");
    expect(parsed.html).toContain("&lt;script&gt;");
    expect(parsed.html).toContain("<li>Dashboard: Degraded</li>");
    expect(parsed.html).toContain('href="https://status.example.com/subscribe/manage?token=abc&amp;lang=en"');
  });

  it("carries the one-click unsubscribe headers of RFC 8058", async () => {
    const { parsed } = await compiled(buildNoticeMail(notice, recipient, context({ id: 1, opensThread: true })));
    const line = (key: string) => parsed.headerLines.find((header) => header.key === key)?.line;
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(line("list-unsubscribe")).toBe("List-Unsubscribe: <https://status.example.com/unsubscribe?token=abc>");
  });

  it("threads every later mail of the incident under the opening mail's id, per subscriber", async () => {
    const opening = (await compiled(buildNoticeMail(notice, recipient, context({ id: 1, opensThread: true })))).parsed;
    const update = (await compiled(buildNoticeMail({ ...notice, label: "Resolved", opensThread: false }, recipient, context({ id: 5, opensThread: false }))))
      .parsed;
    expect(opening.messageId).toBe(threadRootId(42, 7, "status.example.com"));
    expect(opening.inReplyTo).toBeUndefined();
    expect(update.messageId).toBe("<beacon.incident-42.mail-5.subscriber-7@status.example.com>");
    expect(update.inReplyTo).toBe(opening.messageId);
    expect(update.references).toBe(opening.messageId);
    expect(noticeMessageId({ id: 5, incidentNumber: 42, opensThread: false }, 7, domain)).toBe(update.messageId);
    expect(noticeMessageId({ id: 5, incidentNumber: 42, opensThread: false }, 8, domain)).not.toBe(update.messageId);
  });

  it("never lets a line break in a title, component name or address start a header", async () => {
    const hostile = "Outage\r\nBcc: victim@evil.test\r\n\r\n<b>body</b>";
    const { raw, parsed } = await compiled(
      buildNoticeMail(
        { ...notice, incidentTitle: hostile, components: [{ name: hostile, state: "red" }] },
        { ...recipient, email: "ada@example.org\r\nBcc: victim@evil.test", unsubscribeUrl: "https://s.example.com/u?t=1\r\nX-Evil: 1" },
        { ...context({ id: 1, opensThread: true }), pageName: "Page\nX-Injected: yes" },
      ),
    );
    const headerBlock = raw.slice(0, raw.indexOf("\r\n\r\n"));
    expect(headerBlock).not.toMatch(/^(Bcc|X-Evil|X-Injected):/im);
    expect(parsed.bcc).toBeUndefined();
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
    expect(to.flatMap((list) => list?.value ?? []).map((address) => address.address)).toHaveLength(1);
    expect(parsed.subject).toBe("[Investigating] Outage Bcc: victim@evil.test <b>body</b> — Page X-Injected: yes");
  });

  it("flattens control characters and runs of space in header text", () => {
    expect(headerText(" a\r\nb\tc\u2028d\u0000e  ")).toBe("a b c d e");
  });
});
