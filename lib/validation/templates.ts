// Incident templates: saved title/body/state presets ("Investigating elevated errors on {component}").
// Form fields: `state.<componentSlug>` selects ("" = leave as is), like the publish form's.
import * as z from "zod";
import { multiLineText, singleLineText } from "@/lib/validation/text";
import { incidentStates, publishablePostTypes } from "@/lib/validation/incidents";

export const templateStateSchema = z.object({
  componentSlug: z.string().min(1).max(100),
  state: z.enum(incidentStates, { error: "Choose Operational, Degraded or Outage." }),
});
export type TemplateState = z.infer<typeof templateStateSchema>;

/** The stored componentStates JSON; anything unreadable counts as no states. */
export const templateStatesSchema = z.array(templateStateSchema).max(500).catch([]);

const fields = z.object({
  name: singleLineText().min(1, "Name the template, e.g. “Elevated errors”.").max(100, "Keep the name under 100 characters."),
  title: singleLineText().min(1, "Give the incident title customers will read.").max(200, "Keep the title under 200 characters."),
  postType: z.enum(publishablePostTypes, { error: "Choose a post type." }),
  body: multiLineText().max(20_000, "Keep the text under 20,000 characters.").default(""),
  componentStates: z.array(templateStateSchema).max(500).default([]),
});

function fromForm(raw: unknown): unknown {
  const values = raw as Record<string, unknown>;
  const componentStates = Object.entries(values)
    .filter(([name, state]) => name.startsWith("state.") && state !== "")
    .map(([name, state]) => ({ componentSlug: name.slice("state.".length), state }));
  return { ...values, componentStates };
}

export const templateSchema = z.preprocess(fromForm, fields);
export type TemplateInput = z.infer<typeof fields>;

export const updateTemplateSchema = z.preprocess(fromForm, fields.extend({ id: z.coerce.number().int().positive() }));
export type UpdateTemplateInput = TemplateInput & { id: number };

export const deleteTemplateSchema = z.object({ id: z.coerce.number().int().positive() });
