// The e2e server's mailbox. scripts/e2e-server.mjs gives Beacon a real SMTP server (scripts/support/smtp-sink.ts), which
// writes every mail it accepts, raw, as an .eml file into `mail/` next to the e2e database; specs wait for mails there
// and read them with mailparser, as a mail client would.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";

export interface ReceivedMail {
  file: string;
  /** The mail as it arrived, headers and all. */
  raw: string;
  parsed: ParsedMail;
  /** The To: addresses, lower case. */
  to: string[];
}

export function mailDir(): string {
  const databaseFile = process.env.E2E_DATABASE_URL!.replace(/^file:/, "");
  return path.join(path.dirname(databaseFile), "mail");
}

const parsedFiles = new Map<string, ReceivedMail>();

const addressesOf = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((group) => group.value.map((entry) => (entry.address ?? "").toLowerCase()));

/** Every mail the sink has written so far, in arrival order (the files are numbered). */
export async function readMailbox(): Promise<ReceivedMail[]> {
  let files: string[];
  try {
    files = readdirSync(mailDir()).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
  for (const file of files.sort()) {
    if (parsedFiles.has(file)) continue;
    const raw = readFileSync(path.join(mailDir(), file), "utf8");
    const parsed = await simpleParser(raw);
    parsedFiles.set(file, { file, raw, parsed, to: addressesOf(parsed.to) });
  }
  return files.map((file) => parsedFiles.get(file)!);
}

const subjectMatches = (mail: ReceivedMail, subject: string | RegExp) =>
  typeof subject === "string" ? mail.parsed.subject === subject : subject.test(mail.parsed.subject ?? "");

/** The mails to `address` so far whose subject is `subject` (or matches it). */
export async function mailsTo(address: string, subject: string | RegExp): Promise<ReceivedMail[]> {
  return (await readMailbox()).filter((mail) => mail.to.includes(address.toLowerCase()) && subjectMatches(mail, subject));
}

/** The first mail to `address` with this subject, polling the mailbox; fails after `timeoutMs`. */
export async function waitForMail(address: string, subject: string | RegExp, timeoutMs = 30_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = await mailsTo(address, subject);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} with subject ${subject} within ${timeoutMs} ms (mailbox: ${mailDir()})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in the mail's plain-text part to a path starting with `pathPrefix` (e.g. "/subscribe/confirm"). */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const link = (mail.parsed.text ?? "").match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`no link to ${pathPrefix} in the mail "${mail.parsed.subject}"`);
  return link;
}

/** A header as the mail carries it, unfolded (mailparser turns some headers, List-* among them, into objects). */
export function rawHeader(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n([ \t])/g, "$1")
    .trim();
}
