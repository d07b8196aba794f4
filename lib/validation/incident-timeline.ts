// Inputs of an incident's internal timeline (notes, links, command), shared by the admin forms and
// the use-cases in lib/incident-timeline/.
import * as z from "zod";
import { httpUrlSchema } from "@/lib/validation/deploys";
import { multiLineText, singleLineText } from "@/lib/validation/text";

const incidentNumber = z.coerce.number({ error: "Choose an incident." }).int().positive();

export const addNoteSchema = z.object({
  incidentNumber,
  body: multiLineText().min(1, "Write the note.").max(20_000, "Keep the note under 20,000 characters."),
});
export type AddNoteInput = z.infer<typeof addNoteSchema>;

export const addLinkSchema = z.object({
  incidentNumber,
  title: singleLineText().min(1, "Give the link a title, e.g. Error dashboard.").max(200, "Keep the title under 200 characters."),
  url: httpUrlSchema,
});
export type AddLinkInput = z.infer<typeof addLinkSchema>;

export const takeCommandSchema = z.object({ incidentNumber });
export type TakeCommandInput = z.infer<typeof takeCommandSchema>;

export const handOffCommandSchema = z.object({
  incidentNumber,
  toUserId: z.coerce.number({ error: "Choose who takes command." }).int().positive({ error: "Choose who takes command." }),
});
export type HandOffCommandInput = z.infer<typeof handOffCommandSchema>;
