// The public site with its subscription forms, on a real database seeded with the demo, as the
// subscription tests use it: mail written by the real transport in `file:` mode into a fresh
// folder, and each request's client address taken from its `x-test-peer` header, so one test can
// post as several readers. close() stops it and restores the mail settings it changed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import type { Db } from "@/lib/db/client";
import { handlePublicRequest } from "@/lib/public/server";
import { handleSubscriptionRequest } from "@/lib/public/subscription-forms";
import { openAppDatabase } from "./app-database";
import type { providers } from "./test-databases";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const MAIL_ENV = {
  BEACON_SMTP_URL: (dir: string) => `file:${dir}`,
  BEACON_MAIL_FROM: () => "Example status <status@example.com>",
  BEACON_PUBLIC_URL: () => "https://status.example.com",
};

export interface SubscriptionSite {
  db: Db;
  base: string;
  /** POSTs a form (fields, or a raw body) from the client address `ip`, not following redirects. */
  post(pathname: string, fields: Record<string, string | string[]> | string, ip?: string, headers?: Record<string, string>): Promise<Response>;
  /** The mails written so far to `to`, parsed, oldest first. */
  mailsTo(to: string): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSubscriptionSite(provider: (typeof providers)[number]): Promise<SubscriptionSite> {
  const mailDir = mkdtempSync(path.join(tmpdir(), "beacon-mail-"));
  const saved = Object.fromEntries(Object.keys(MAIL_ENV).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(MAIL_ENV)) process.env[name] = value(mailDir);
  const database = await openAppDatabase(provider, { demo: true });
  const server = createServer((request, response) => {
    request.headers[PEER_ADDRESS_HEADER] = String(request.headers["x-test-peer"] ?? "127.0.0.1");
    void Promise.resolve(handleSubscriptionRequest(request, response) || handlePublicRequest(request, response)).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    db: database.db,
    base,
    post(pathname, fields, ip = "198.51.100.1", headers = FORM) {
      const body = new URLSearchParams();
      if (typeof fields !== "string") for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
      return fetch(`${base}${pathname}`, {
        method: "POST",
        headers: { ...headers, "x-test-peer": ip },
        body: typeof fields === "string" ? fields : body.toString(),
        redirect: "manual",
      });
    },
    async mailsTo(to) {
      const files = readdirSync(mailDir)
        .filter((name) => name.endsWith(".eml"))
        .sort();
      const parsed = await Promise.all(files.map((name) => simpleParser(readFileSync(path.join(mailDir, name)))));
      return parsed.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((address) => address?.text.toLowerCase().includes(to.toLowerCase())));
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await database.close();
      rmSync(mailDir, { recursive: true, force: true });
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
