// The mail dispatcher alone in a process of its own, configured by the environment exactly as the
// server's (DATABASE_URL, BEACON_SMTP_URL, …), so a test can SIGKILL it mid-fan-out and start another.
import { createDb } from "@/lib/db/client";
import { MailDispatcher } from "@/lib/mail/dispatcher";
import { loadEnv } from "@/lib/runtime/env";

const dispatcher = new MailDispatcher(createDb(loadEnv().database), {
  leaseMs: Number(process.env.MAIL_LEASE_MS ?? 1_000),
  expandBatch: 40,
  sendBatch: 25,
  pollMs: 100,
  log: (line) => console.error(line),
});
dispatcher.start();
console.log("dispatching");
