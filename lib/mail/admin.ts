// What the admin sees of the mail outbox (/admin/subscribers): the newest deliveries with their
// state, tries and last error, and the admin's test mail through the configured transport.
import type { Db } from "@/lib/db/client";
import { mailNoticeSchema } from "./notice";
import { noticeSubject } from "./message";
import { sendTransactionalMail } from "./transport";

export const MAIL_LOG_SIZE = 50;

export interface MailLogRow {
  id: number;
  address: string;
  subject: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

/** The newest deliveries, newest first; pageName is the brand's (subjects are built as the mails are). */
export async function loadMailLog(db: Db, pageName: string): Promise<MailLogRow[]> {
  const rows = await db.mailDelivery.findMany({
    orderBy: { id: "desc" },
    take: MAIL_LOG_SIZE,
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      sentAt: true,
      lastError: true,
      subscriber: { select: { email: true } },
      job: { select: { payload: true } },
    },
  });
  return rows.map(({ subscriber, job, ...row }) => {
    const notice = mailNoticeSchema.safeParse(job.payload);
    return { ...row, address: subscriber.email, subject: notice.success ? noticeSubject(notice.data, pageName) : "(unreadable)" };
  });
}

/** Jobs still being expanded into deliveries, and deliveries not yet sent or failed. */
export async function mailBacklog(db: Db): Promise<{ jobs: number; deliveries: number }> {
  const [jobs, deliveries] = await Promise.all([
    db.mailJob.count({ where: { expandedAt: null } }),
    db.mailDelivery.count({ where: { status: { in: ["pending", "sending"] } } }),
  ]);
  return { jobs, deliveries };
}

/** Sends a test mail now; the answer says what the server did, in words an admin can act on. */
export async function sendTestMail(to: string, pageName: string): Promise<{ ok: boolean; message: string }> {
  try {
    await sendTransactionalMail({
      to,
      subject: `Test mail from ${pageName}`,
      text: `This is a test mail from ${pageName}. If you read this, Beacon can send mail to subscribers.`,
    });
    return { ok: true, message: `Sent to ${to}: the mail server accepted it.` };
  } catch (error) {
    return { ok: false, message: `Not sent: ${error instanceof Error ? error.message : String(error)}` };
  }
}
