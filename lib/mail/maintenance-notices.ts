// A maintenance window's mails that no publish triggers: the reminder (BEACON_MAINTENANCE_REMINDER_MINUTES
// before the start, default 60), the start and the end. Both the maintenance clock (at each window
// boundary, lib/public/maintenance-clock.ts) and every dispatcher round call this; each notice is a
// MailJob keyed by the window's time (`maintenance:7:started:<start>`), so calling it again, from
// another instance, or after a restart writes nothing twice — and a window moved later gets mails
// for its new times. Notices more than RECENT_MS late (a server that was down) are not sent late.
import type { Db } from "@/lib/db/client";
import { loadEnv } from "@/lib/runtime/env";
import { ENGLISH } from "@/lib/i18n";
import { wakeWebhookDispatcher } from "@/lib/webhooks/wake";
import { noticeBody } from "./message";
import type { MailNotice } from "./notice";
import { incidentUrl, insertMailJob, NOTICE_LABEL } from "./outbox";

const RECENT_MS = 6 * 60 * 60_000;

type Phase = "reminder" | "started" | "ended";

/** Writes the due notices' jobs; returns how many were written. */
export async function noticeMaintenanceBoundaries(db: Db, now: Date, reminderMinutes = loadEnv().maintenanceReminderMinutes): Promise<number> {
  if (!loadEnv().mail) return 0;
  const reminderMs = reminderMinutes * 60_000;
  const since = new Date(now.getTime() - RECENT_MS);
  const windows = await db.incident.findMany({
    where: {
      kind: "maintenance",
      deletedAt: null,
      OR: [{ scheduledStartAt: { gt: since, lte: new Date(now.getTime() + reminderMs) } }, { scheduledEndAt: { gt: since, lte: now } }],
    },
    select: {
      number: true,
      title: true,
      openedAt: true,
      resolvedAt: true,
      scheduledStartAt: true,
      scheduledEndAt: true,
      components: { select: { componentId: true, component: { select: { name: true } } } },
    },
  });
  let written = 0;
  for (const window of windows) {
    const start = window.scheduledStartAt!;
    const end = window.scheduledEndAt!;
    const due: Phase[] = [];
    // Cancelled or ended early: that post already mailed; nothing is starting or ending by the clock.
    const closedAt = window.resolvedAt;
    if (reminderMs > 0 && now < start && window.openedAt.getTime() < start.getTime() - reminderMs && !closedAt) due.push("reminder");
    if (start <= now && start > since && (!closedAt || closedAt > start)) due.push("started");
    if (end <= now && end > since && (!closedAt || closedAt >= end)) due.push("ended");
    for (const phase of due) {
      const at = phase === "ended" ? end : start;
      const state = phase === "started" ? ("blue" as const) : ("green" as const);
      const kind = `maintenance_${phase}` as const;
      const times = { start: start.toISOString(), end: end.toISOString() };
      const notice: MailNotice = {
        kind,
        incidentNumber: window.number,
        incidentTitle: window.title,
        label: NOTICE_LABEL(kind),
        body: noticeBody({ kind, body: "", window: times }, ENGLISH),
        window: times,
        components: window.components.map((link) => ({ name: link.component.name, state: phase === "reminder" ? ("blue" as const) : state })),
        url: incidentUrl(window.number),
        occurredAt: now.toISOString(),
        opensThread: false,
      };
      const componentIds = window.components.map((link) => link.componentId);
      const key = `maintenance:${window.number}:${phase}:${at.getTime()}`;
      if (await insertOnce(db, key, notice, componentIds, now)) written++;
    }
  }
  return written;
}

/** The maintenance clock's hook at a window boundary: the start or end mail is queued and sent now, not at the next poll. */
export function mailAtMaintenanceBoundary(db: Db, now: Date): void {
  noticeMaintenanceBoundaries(db, now)
    .then((written) => written > 0 && wakeWebhookDispatcher()) // the outbox dispatchers share one wake signal
    .catch(() => undefined); // the dispatcher's next round writes what failed here
}

/** Another instance (or the clock and the dispatcher at once) may write the same key first: the unique key decides. */
async function insertOnce(db: Db, key: string, notice: MailNotice, componentIds: number[], now: Date): Promise<boolean> {
  try {
    return await db.$transaction((tx) => insertMailJob(tx, key, notice, componentIds, now));
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "P2002") return false;
    throw error;
  }
}
