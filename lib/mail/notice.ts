// What one subscriber mail is about, frozen into MailJob.payload when the event is published (or
// when the maintenance clock passes a reminder, start or end): the dispatcher may send it minutes
// later, after the incident has moved on, and every subscriber must read the same thing. Fixed
// texts are frozen as what they say (the post's type, the window's times), and written in each
// subscriber's language when the mail is built (message.ts); `label` and `body` keep the English.
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
  /** The subject's bracket in English: "Investigating", "Resolved", "Maintenance starting soon", … */
  label: z.string(),
  /** A post's type, which names the bracket of a "post" notice in every language. */
  postType: z.enum(["investigating", "issue", "update", "resolved", "scheduled"]).optional(),
  /** A maintenance reminder's, start's or end's window: its body is a fixed text about these times. */
  window: z.object({ start: z.string(), end: z.string() }).optional(),
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
