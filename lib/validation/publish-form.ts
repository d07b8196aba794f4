// The admin publish forms' fields → the publish schemas' input. Form fields: `state.<componentId>`
// selects ("" = no change), `componentIds` checkboxes, `postedAt` from a datetime-local input in
// UTC, and the confirm step's `intent`, `impactHash` and `acknowledgeWarnings` — shared by the
// incident and the maintenance forms.
import * as z from "zod";
import { confirmationSchema, openIncidentSchema, postUpdateSchema } from "@/lib/validation/incidents";
import { closeMaintenanceSchema, extendMaintenanceSchema, scheduleMaintenanceSchema } from "@/lib/validation/maintenance";
import { draftEditsSchema } from "@/lib/validation/integrations";

type FormValues = Record<string, string | string[]>;
const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function fromForm(raw: unknown): unknown {
  const values = raw as FormValues;
  const stateChanges = Object.entries(values)
    .filter(([name, state]) => name.startsWith("state.") && state !== "")
    .map(([name, state]) => ({ componentId: name.slice("state.".length), state }));
  const postedAt = typeof values.postedAt === "string" && values.postedAt !== "" ? `${values.postedAt}Z` : undefined;
  return { ...values, stateChanges, componentIds: list(values.componentIds), postedAt };
}

/** The confirm step: "preview" shows the diff; "publish" carries the hash of the diff the commander saw. */
const confirmStepFields = {
  intent: z.enum(["preview", "publish"]).default("preview"),
  impactHash: z.string().optional(),
  acknowledgeWarnings: z.literal("on").optional(),
};
type ConfirmStep = z.infer<z.ZodObject<typeof confirmStepFields>>;

export const openIncidentFormSchema = z.preprocess(fromForm, openIncidentSchema.extend(confirmStepFields));
export const postUpdateFormSchema = z.preprocess(fromForm, postUpdateSchema.extend(confirmStepFields));
const draftId = z.coerce.number().int().positive();
/** Confirming an alert draft: the commander's edits (title, body, `state.<id>`) and the same confirm step. */
export const confirmDraftFormSchema = z.preprocess(fromForm, draftEditsSchema.extend({ draftId, ...confirmStepFields }));
export const dismissDraftSchema = z.object({ draftId });

// The maintenance forms' fields are the schemas' own (datetime-local windows, componentIds checkboxes).
export const scheduleMaintenanceFormSchema = scheduleMaintenanceSchema.safeExtend(confirmStepFields);
export const extendMaintenanceFormSchema = extendMaintenanceSchema.extend(confirmStepFields);
export const closeMaintenanceFormSchema = closeMaintenanceSchema.extend(confirmStepFields);

/** The confirmation carried by a "publish" submit; undefined for a "preview" submit. */
export function confirmationOf(form: ConfirmStep) {
  if (form.intent !== "publish") return undefined;
  const parsed = confirmationSchema.safeParse({ impactHash: form.impactHash, warningsAcknowledged: form.acknowledgeWarnings === "on" });
  return parsed.success ? parsed.data : undefined;
}
