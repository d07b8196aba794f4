// A real SMTP server (smtp-server, a devDependency) on 127.0.0.1 for the mail tests, the e2e server and the fan-out bench: it keeps
// every mail it accepts, parsed by mailparser (and, given a directory, writes it there raw as an .eml file), and can be told to
// refuse (a 5xx or a 4xx answer) or to be slow.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** null: accept; else refuse every mail with this code ("550", "451"). */
  refuseWith: string | null;
  /** Milliseconds to wait before accepting each mail. */
  delayMs: number;
  /** Resolves once `count` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Also write each accepted mail, raw, as an .eml file into this directory (the e2e server's mailbox). */
  dir?: string;
}

/** Written aside, then renamed: a reader of the directory never sees half a mail. Numbered in arrival order. */
function writeEml(dir: string, number: number, raw: Buffer): void {
  const name = `${String(number).padStart(6, "0")}-${Date.now()}.eml`;
  writeFileSync(path.join(dir, `.${name}.partial`), raw);
  renameSync(path.join(dir, `.${name}.partial`), path.join(dir, name));
}

export async function startSmtpSink(port = 0, options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const sink = { received: [] as ReceivedMail[], refuseWith: null as string | null, delayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true, // offline, a reverse DNS lookup per connection only waits for its timeout
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refuse = sink.refuseWith;
        if (refuse) {
          const error = Object.assign(new Error(refuse.startsWith("5") ? "Mailbox unavailable" : "Try again later"), { responseCode: Number(refuse) });
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        setTimeout(() => {
          simpleParser(raw)
            .then((parsed) => {
              sink.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: raw.toString(), parsed });
              if (options.dir) writeEml(options.dir, sink.received.length, raw);
              callback();
            })
            .catch((error: Error) => callback(error));
        }, sink.delayMs);
      });
    },
  });
  server.on("error", () => undefined); // a client killed mid-mail resets its connection: expected in the kill -9 test
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    async waitFor(count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${sink.received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
