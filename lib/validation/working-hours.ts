// Working hours for the metrics: a time zone and, per weekday, one local span or a day off.
// The form takes "09:00-17:00" per day; the Setting row stores minutes (lib/metrics/working-hours.ts).
import * as z from "zod";
import type { WorkingHours } from "@/lib/metrics/working-hours";
import { isTimeZone } from "@/lib/metrics/zoned-time";

const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Enter a time zone.")
  .refine(isTimeZone, "Use a time zone name such as Europe/Berlin, America/New_York or UTC.");

const daySpanSchema = z
  .object({ start: z.number().int().min(0).max(1440), end: z.number().int().min(0).max(1440) })
  .refine((span) => span.start < span.end, "The end must be after the start.");

/** The stored value; a row that no longer matches falls back to the default. */
export const workingHoursSchema = z.object({ timeZone: timeZoneSchema, days: z.array(daySpanSchema.nullable()).length(7) });

const SPAN = /^([01]\d|2[0-4]):([0-5]\d)\s*[-–]\s*([01]\d|2[0-4]):([0-5]\d)$/;
const SPAN_MESSAGE = "Write the hours as 09:00-17:00, or leave empty for a day off.";

/** "09:00-17:00" → minutes of the day; empty → a day off. */
const daySpanField = z
  .string()
  .trim()
  .transform((text, context) => {
    if (text === "") return null;
    const match = SPAN.exec(text);
    const [start, end] = match ? [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])] : [Number.NaN, Number.NaN];
    if (!match || start > 1440 || end > 1440) {
      context.addIssue({ code: "custom", message: SPAN_MESSAGE });
      return z.NEVER;
    }
    if (start >= end) {
      context.addIssue({ code: "custom", message: "The end must be after the start (a span cannot cross midnight)." });
      return z.NEVER;
    }
    return { start, end };
  });

/** The form's field per weekday, Monday first, as WorkingHours.days is ordered. */
export const WEEKDAY_FIELDS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

export const workingHoursFormSchema = z
  .object({
    timeZone: timeZoneSchema,
    monday: daySpanField,
    tuesday: daySpanField,
    wednesday: daySpanField,
    thursday: daySpanField,
    friday: daySpanField,
    saturday: daySpanField,
    sunday: daySpanField,
  })
  .transform((form): WorkingHours => ({ timeZone: form.timeZone, days: WEEKDAY_FIELDS.map((field) => form[field]) }));

/** Minutes of the day as the form shows them: 540 → "09:00". */
export function clockText(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}
