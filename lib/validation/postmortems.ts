// Inputs of the postmortem and action-item use-cases, shared by the admin forms and the tests.
import * as z from "zod";
import { multiLineText, singleLineText } from "@/lib/validation/text";

const SECTION_LIMIT = 4_000;
const section = () =>
  multiLineText()
    .max(SECTION_LIMIT, `Keep each section under ${SECTION_LIMIT.toLocaleString("en-US")} characters.`)
    .default("");
function utcDate(text: string, ctx: z.RefinementCtx): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) ctx.addIssue({ code: "custom", message: "Enter a valid date and time." });
  return date;
}

const incidentNumber = z.coerce.number({ error: "Choose an incident." }).int().positive();
/** A checkbox group arrives as nothing, one string or several. */
const idList = z.preprocess((value) => (value === undefined ? [] : [value].flat()), z.array(z.coerce.number().int().positive()).max(1_000));

export const postmortemIncidentSchema = z.object({ incidentNumber });

export const savePostmortemSchema = z.object({
  incidentNumber,
  summary: section(),
  impact: section(),
  contributingFactors: section(),
  wentWell: section(),
  internalNotes: section(),
  /** The ids of the timeline lines to keep; every other line is dropped from the published text. */
  keep: idList,
  /** A line written by hand, added at `newLineAt`. */
  newLineText: singleLineText().max(500, "Keep a timeline line under 500 characters.").default(""),
  /** From a datetime-local input, read as UTC (the form says so). */
  newLineAt: z.union([z.literal(""), z.string().transform((value, ctx) => utcDate(/Z$|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`, ctx))]).default(""),
});
export type SavePostmortemInput = z.infer<typeof savePostmortemSchema>;

export const movePostmortemSchema = z.object({ incidentNumber, to: z.enum(["draft", "in_review"], { error: "Choose draft or review." }) });

export const publishPostmortemSchema = z.object({
  incidentNumber,
  intent: z.enum(["preview", "publish"]).default("preview"),
  /** The hash of the text the commander saw in the preview; publishing lands only if it is unchanged. */
  impactHash: z.string().max(100).optional(),
});

export const actionItemSchema = z.object({
  incidentNumber,
  title: singleLineText().min(1, "Say what will change.").max(200, "Keep the title under 200 characters."),
  owner: singleLineText().max(100, "Keep the owner under 100 characters.").default(""),
  /** The last day it is due, a UTC date. */
  dueAt: z
    .union([
      z.literal(""),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
        .transform((value, ctx) => utcDate(`${value}T00:00:00Z`, ctx)),
    ])
    .default(""),
  url: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter an http(s) address." }).max(2_000)]).default(""),
});
export type ActionItemInput = z.infer<typeof actionItemSchema>;

export const actionItemStatusSchema = z.object({
  id: z.coerce.number().int().positive(),
  status: z.enum(["open", "done"]),
});
