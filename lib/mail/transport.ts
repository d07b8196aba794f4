// How mail leaves Beacon: nodemailer (no hand-written SMTP) with a pooled SMTP transport — a few
// connections kept open and reused, so a fan-out to thousands of subscribers does not open one
// connection per mail — or, with `BEACON_SMTP_URL=file:DIR`, each mail written as an .eml file
// into DIR (to try the whole flow on one machine). One sender per process and settings.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import { loadEnv, type MailSettings } from "@/lib/runtime/env";
import { headerText, type MailMessage } from "./message";

export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export class MailNotConfiguredError extends Error {
  override name = "MailNotConfiguredError";
  constructor() {
    super("Mail is not configured: set BEACON_SMTP_URL (and BEACON_MAIL_FROM) and restart Beacon.");
  }
}

// Bounded waits, so a silent server fails an attempt (and the dispatcher retries) instead of hanging it.
const SMTP_DEFAULTS: Record<string, string> = {
  pool: "true",
  maxConnections: "5",
  connectionTimeout: "15000",
  greetingTimeout: "15000",
  socketTimeout: "30000",
};

/**
 * nodemailer is loaded when the first mail is sent, not at start: most server processes send no
 * mail for hours, and the package is the largest the public server would otherwise load.
 */
function lazyTransport(create: (nodemailer: typeof import("nodemailer")) => Transporter) {
  let transport: Promise<Transporter> | null = null;
  return {
    get: () => (transport ??= import("nodemailer").then(({ default: nodemailer }) => create(nodemailer))),
    close: () => void transport?.then((opened) => opened.close()),
  };
}

function smtpSender(url: string): MailSender {
  const withDefaults = new URL(url);
  for (const [name, value] of Object.entries(SMTP_DEFAULTS)) if (!withDefaults.searchParams.has(name)) withDefaults.searchParams.set(name, value);
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport(withDefaults.toString()));
  return {
    send: async (message) => void (await (await transport.get()).sendMail(message)),
    close: transport.close,
  };
}

function fileSender(dir: string): MailSender {
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" }));
  return {
    async send(message) {
      const { message: raw } = await (await transport.get()).sendMail(message);
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
      // Written aside, then renamed: a reader of DIR never sees half a mail.
      const partial = path.join(dir, `.${name}.partial`);
      await writeFile(partial, raw as Buffer);
      await rename(partial, path.join(dir, name));
    },
    close: transport.close,
  };
}

export function createMailSender(settings: MailSettings): MailSender {
  return settings.transport.kind === "smtp" ? smtpSender(settings.transport.url) : fileSender(settings.transport.dir);
}

// On globalThis: the custom server and Next's bundled admin code are separate module instances in one process.
const globalForMail = globalThis as unknown as { beaconMailSender?: { key: string; sender: MailSender } };

/** The process's sender for the configured settings; throws MailNotConfiguredError when mail is off. */
export function configuredMail(): { settings: MailSettings; sender: MailSender } {
  const settings = loadEnv().mail;
  if (!settings) throw new MailNotConfiguredError();
  const key = JSON.stringify(settings);
  if (globalForMail.beaconMailSender?.key !== key) {
    globalForMail.beaconMailSender?.sender.close();
    globalForMail.beaconMailSender = { key, sender: createMailSender(settings) };
  }
  return { settings, sender: globalForMail.beaconMailSender.sender };
}

export interface TransactionalMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/**
 * A mail to one address, sent now rather than through the fan-out (a subscription's confirmation
 * link, the admin's test mail). Throws when mail is not configured or the server refuses it.
 */
export async function sendTransactionalMail(mail: TransactionalMail): Promise<void> {
  const { settings, sender } = configuredMail();
  await sender.send({
    from: settings.from,
    to: { name: "", address: headerText(mail.to) },
    subject: headerText(mail.subject),
    text: mail.text,
    ...(mail.html === undefined ? {} : { html: mail.html }),
    headers: Object.fromEntries(Object.entries(mail.headers ?? {}).map(([name, value]) => [headerText(name), headerText(value)])),
  });
}
