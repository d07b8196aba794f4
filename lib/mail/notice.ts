// What one subscriber mail is about, frozen into MailJob.payload when the event is published (or
// when the maintenance clock passes a reminder, start or end): the dispatcher may send it minutes
// later, after the incident has moved on, and every subscriber must read the same thing.
import * as z from "zod";

export const NOTICE_KINDS = [
  "post",
  "maintenance_scheduled",
  "maintenance_updated",
  "maintenance_reminder",
  "maintenance_started",
  "maintenance_ended",
  "maintenance_cancelled",
  "postmortem",
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

const componentState = z.enum(["green", "blue", "yellow", "red"]);

export const mailNoticeSchema = z.object({
  kind: z.enum(NOTICE_KINDS),
  incidentNumber: z.number().int(),
  incidentTitle: z.string(),
  /** The subject's bracket: "Investigating", "Resolved", "Maintenance starting soon", … */
  label: z.string(),
  /** Markdown, rendered by the public page's renderer and sanitizer. */
  body: z.string(),
  /** The affected components and the state each is in after this event. */
  components: z.array(z.object({ name: z.string(), state: componentState })),
  /** The public page this mail is about (the incident, or its postmortem). */
  url: z.string(),
  occurredAt: z.string(),
  /** The incident's first mail: every later one replies to it (message-id.ts). */
  opensThread: z.boolean(),
});

export type MailNotice = z.infer<typeof mailNoticeSchema>;
