import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/runtime/env";

const env = (values: Record<string, string>) => ({ NODE_ENV: "test", ...values }) as NodeJS.ProcessEnv;
const cwd = "/srv/beacon";

describe("BEACON_SMTP_URL and BEACON_MAIL_FROM", () => {
  it("leave mail unconfigured when unset (or empty), so nobody can subscribe", () => {
    expect(loadEnv(env({}), cwd).mail).toBeNull();
    expect(loadEnv(env({ BEACON_SMTP_URL: "", BEACON_MAIL_FROM: "" }), cwd).mail).toBeNull();
  });

  it("take smtp:// and smtps:// URLs with a From address, with or without a display name", () => {
    expect(loadEnv(env({ BEACON_SMTP_URL: "smtp://user:pass@mail.example.com:587", BEACON_MAIL_FROM: "status@example.com" }), cwd).mail).toEqual({
      transport: { kind: "smtp", url: "smtp://user:pass@mail.example.com:587" },
      from: "status@example.com",
    });
    expect(loadEnv(env({ BEACON_SMTP_URL: "smtps://mail.example.com", BEACON_MAIL_FROM: " Example status <status@example.com> " }), cwd).mail?.from).toBe(
      "Example status <status@example.com>",
    );
  });

  it("take file:DIR relative to the working directory, with a default From", () => {
    expect(loadEnv(env({ BEACON_SMTP_URL: "file:data/mail" }), cwd).mail).toEqual({
      transport: { kind: "file", dir: path.resolve(cwd, "data/mail") },
      from: "Beacon <status@localhost>",
    });
  });

  it("refuse other schemes, an empty file: path and a URL with no host, in one line", () => {
    for (const bad of ["http://mail.example.com", "mail.example.com:587", "file:", "smtp://"])
      expect(() => loadEnv(env({ BEACON_SMTP_URL: bad, BEACON_MAIL_FROM: "status@example.com" }), cwd)).toThrow(
        `BEACON_SMTP_URL must be smtp://user:pass@host:587, smtps://user:pass@host:465 or file:DIR`,
      );
  });

  it("refuse SMTP without a From address", () => {
    expect(() => loadEnv(env({ BEACON_SMTP_URL: "smtp://mail.example.com" }), cwd)).toThrow("BEACON_MAIL_FROM must be set when BEACON_SMTP_URL is");
  });

  it("refuse a From that is not one address or could carry another header", () => {
    for (const bad of [
      "status",
      "a@b.c, d@e.f",
      "Status <status@example.com>\r\nBcc: x@evil.test",
      "status@example.com\nBcc: x@evil.test",
      "<@example.com>",
      "x <y>",
    ])
      expect(() => loadEnv(env({ BEACON_SMTP_URL: "smtp://mail.example.com", BEACON_MAIL_FROM: bad }), cwd)).toThrow(
        "BEACON_MAIL_FROM must be one address, optionally with a name",
      );
  });
});

describe("BEACON_MAINTENANCE_REMINDER_MINUTES", () => {
  it("defaults to an hour, 0 turns the reminder off, and it must be whole minutes up to a week", () => {
    expect(loadEnv(env({}), cwd).maintenanceReminderMinutes).toBe(60);
    expect(loadEnv(env({ BEACON_MAINTENANCE_REMINDER_MINUTES: "0" }), cwd).maintenanceReminderMinutes).toBe(0);
    expect(() => loadEnv(env({ BEACON_MAINTENANCE_REMINDER_MINUTES: "1.5" }), cwd)).toThrow("BEACON_MAINTENANCE_REMINDER_MINUTES must be a whole number");
    expect(() => loadEnv(env({ BEACON_MAINTENANCE_REMINDER_MINUTES: "20000" }), cwd)).toThrow("at most 10080");
  });
});
