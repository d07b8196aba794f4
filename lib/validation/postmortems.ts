// Inputs of the postmortem and action-item use-cases, shared by the admin forms and the tests.
import * as z from "zod";
import { multiLineText, singleLineText } from "@/lib/validation/text";

const SECTION_LIMIT = 4_000;
const section = () =>
  multiLineText()
    .max(SECTION_LIMIT, `Keep each section under ${SECTION_LIMIT.toLocaleString("en-US")} characters.`)
    .default("");
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
  newLineAt: z.union([z.literal(""), z.coerce.date({ error: "Enter a valid date and time." })]).default(""),
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
  dueAt: z.union([z.literal(""), z.coerce.date({ error: "Enter a valid date." })]).default(""),
  url: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter an http(s) address." }).max(2_000)]).default(""),
});
export type ActionItemInput = z.infer<typeof actionItemSchema>;

export const actionItemStatusSchema = z.object({
  id: z.coerce.number().int().positive(),
  status: z.enum(["open", "done"]),
});
