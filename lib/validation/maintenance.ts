// Inputs of the maintenance use-cases, shared by the admin forms (window fields are datetime-local
// inputs read as UTC), the write API and the CLI.
import * as z from "zod";
import { multiLineText, singleLineText } from "@/lib/validation/text";

const number = z.coerce.number({ error: "Choose a maintenance." }).int().positive();
/** A datetime-local value ("2026-11-25T10:00") is UTC; a full ISO time is taken as is. */
const utcTime = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value === "" ? undefined : value),
    z.coerce.date({ error: `Enter the ${label} as a date and time (UTC).` }),
  );
const body = (missing: string) => multiLineText().min(1, missing).max(20_000, "Keep the text under 20,000 characters.");

export const scheduleMaintenanceSchema = z
  .object({
    title: singleLineText().min(1, "Give the maintenance a title customers will understand.").max(200, "Keep the title under 200 characters."),
    componentIds: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.coerce.number().int().positive()).min(1, "Choose at least one component under maintenance.").max(500),
    ),
    startsAt: utcTime("start"),
    endsAt: utcTime("end"),
    body: body("Tell customers what the maintenance does and what they may notice."),
    idempotencyKey: z.string().trim().min(8).max(100).optional(),
  })
  .refine((input) => input.endsAt.getTime() > input.startsAt.getTime(), { path: ["endsAt"], message: "The window must end after it starts." });
export type ScheduleMaintenanceInput = z.infer<typeof scheduleMaintenanceSchema>;

export const extendMaintenanceSchema = z.object({
  incidentNumber: number,
  endsAt: utcTime("new end"),
  /** The Update post's text, e.g. why it takes longer; empty: a standard sentence with the new end. */
  body: multiLineText().max(20_000, "Keep the text under 20,000 characters.").default(""),
});
export type ExtendMaintenanceInput = z.infer<typeof extendMaintenanceSchema>;

/** Ending early (in progress) and cancelling (upcoming) both publish a Resolved post with this text. */
export const closeMaintenanceSchema = z.object({
  incidentNumber: number,
  body: body("Tell customers why the maintenance ended or was cancelled."),
});
export type CloseMaintenanceInput = z.infer<typeof closeMaintenanceSchema>;
