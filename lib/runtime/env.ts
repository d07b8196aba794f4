// The environment, validated once at start-up. Every bad value becomes one readable line.
import * as z from "zod";
import { isIP } from "node:net";
import path from "node:path";
import { allowEntryProblem } from "@/lib/runtime/address-lists";

export type DatabaseTarget = { provider: "sqlite"; file: string; url: string } | { provider: "postgresql"; url: string };

export interface BeaconEnv {
  database: DatabaseTarget;
  port: number;
  publicUrl: string;
  /** Unset means: generate one into the data directory on first run (see lib/secrets.ts). */
  sessionSecret: string | undefined;
  dataDir: string;
  /** The admin dashboard warns when an open incident has had no post for this long. */
  staleAfterMinutes: number;
  /** Internal webhook receivers that may be reached: host names, addresses, CIDR ranges (lib/webhooks/address-policy.ts). */
  webhookAllow: string[];
  /** Addresses and CIDR ranges of proxies whose X-Forwarded-For is believed (lib/auth/client-ip.ts). */
  trustedProxies: string[];
  /** Where and as whom mail is sent (lib/mail/); null: mail is not configured and nobody can subscribe. */
  mail: MailSettings | null;
  /** How long before a maintenance window starts its subscribers get a reminder. */
  maintenanceReminderMinutes: number;
}

/** `smtp`: a pooled SMTP connection to `url`; `file`: each mail written as an .eml file into `dir` (to try the flow locally). */
export type MailTransportTarget = { kind: "smtp"; url: string } | { kind: "file"; dir: string };

export interface MailSettings {
  transport: MailTransportTarget;
  /** The From header: an address, optionally with a display name (`Example status <status@example.com>`). */
  from: string;
}

export class EnvError extends Error {
  override name = "EnvError";
}

export const DEFAULT_DATABASE_URL = "file:./data/beacon.db";

const databaseUrl = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
    message: 'must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL)',
  });

/** A comma-separated list, blanks dropped; `problemOf` says what is wrong with an entry (null: nothing), the first problem fails the variable. */
function commaList(problemOf: (entry: string) => string | null) {
  return z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, context) => {
      const message = entries.map(problemOf).find((problem) => problem !== null);
      if (message) context.addIssue({ code: "custom", message });
    })
    .default([]);
}

const webhookAllow = commaList((entry) => {
  const problem = allowEntryProblem(entry);
  return problem && `must list host names, addresses or CIDR ranges (e.g. 127.0.0.1,hooks.internal,10.20.0.0/16): ${problem}`;
});

/** Proxies are named by address only: a host name's address could change under Beacon. */
const trustedProxies = commaList((entry) =>
  isIP(entry.split("/")[0] ?? "") === 0 || allowEntryProblem(entry) !== null
    ? `has "${entry}", which is not an IP address or CIDR range such as 10.0.0.0/8 or fd00::/8`
    : null,
);

const smtpUrl = z
  .string()
  .trim()
  .refine(
    (value) =>
      value.startsWith("file:")
        ? value.length > "file:".length
        : URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol) && new URL(value).hostname !== "",
    {
      message: "must be smtp://user:pass@host:587, smtps://user:pass@host:465 or file:DIR (each mail written as an .eml file into DIR)",
    },
  );

// One address, optionally after a display name; nothing that could end the header (no CR/LF, no second address).
const MAIL_FROM = /^(?:[^\r\n<>@",;]*\s*<[^\s<>@",;]+@[^\s<>@",;]+\.[^\s<>@",;]+>|[^\s<>@",;]+@[^\s<>@",;]+\.[^\s<>@",;]+)$/;
const mailFrom = z.string().trim().regex(MAIL_FROM, "must be one address, optionally with a name: status@example.com or Example status <status@example.com>");

const envSchema = z.object({
  DATABASE_URL: databaseUrl.default(DEFAULT_DATABASE_URL),
  PORT: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  BEACON_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL such as https://status.example.com" }).optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BEACON_DATA_DIR: z.string().min(1).default("data"),
  BEACON_STALE_AFTER_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(1, "must be at least 1 minute")
    .max(10_080, "must be at most 10080 minutes (a week)")
    .default(30),
  BEACON_WEBHOOK_ALLOW: webhookAllow,
  BEACON_TRUSTED_PROXIES: trustedProxies,
  BEACON_SMTP_URL: smtpUrl.optional(),
  BEACON_MAIL_FROM: mailFrom.optional(),
  BEACON_MAINTENANCE_REMINDER_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(0, "must be 0 (no reminder) or more minutes")
    .max(10_080, "must be at most 10080 minutes (a week)")
    .default(60),
});

/** Treats empty strings as unset, as shells and .env files commonly produce them. */
/** Only the variables Beacon reads (reading all of process.env is slow, and this runs per page). */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(envSchema.shape)) {
    const value = source[name];
    if (typeof value === "string" && value !== "") values[name] = value;
  }
  return values;
}

export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) {
    const location = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (location === "") throw new EnvError('DATABASE_URL: "file:" needs a path, e.g. file:./data/beacon.db');
    return { provider: "sqlite", file: path.resolve(cwd, location), url };
  }
  return { provider: "postgresql", url };
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BeaconEnv {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const got = source[name];
    const shown = got === undefined || name === "SESSION_SECRET" ? "" : ` (got "${got}")`;
    throw new EnvError(`${name} ${issue.message}${shown}`);
  }
  const env = result.data;
  if (env.BEACON_SMTP_URL?.startsWith("smtp") && !env.BEACON_MAIL_FROM)
    throw new EnvError("BEACON_MAIL_FROM must be set when BEACON_SMTP_URL is (the address mail is sent from, e.g. Example status <status@example.com>)");
  return {
    database: parseDatabaseUrl(env.DATABASE_URL, cwd),
    port: env.PORT,
    publicUrl: (env.BEACON_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    sessionSecret: env.SESSION_SECRET,
    dataDir: path.resolve(cwd, env.BEACON_DATA_DIR),
    staleAfterMinutes: env.BEACON_STALE_AFTER_MINUTES,
    webhookAllow: env.BEACON_WEBHOOK_ALLOW,
    trustedProxies: env.BEACON_TRUSTED_PROXIES,
    mail: mailSettings(env.BEACON_SMTP_URL, env.BEACON_MAIL_FROM, cwd),
    maintenanceReminderMinutes: env.BEACON_MAINTENANCE_REMINDER_MINUTES,
  };
}

/** `file:` mode needs no From (the mails stay on this machine); SMTP does (checked above). */
function mailSettings(url: string | undefined, from: string | undefined, cwd: string): MailSettings | null {
  if (!url) return null;
  if (url.startsWith("file:"))
    return { transport: { kind: "file", dir: path.resolve(cwd, url.slice("file:".length)) }, from: from ?? "Beacon <status@localhost>" };
  return { transport: { kind: "smtp", url }, from: from! };
}
