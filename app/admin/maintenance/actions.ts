"use server";
// Scheduling, extending, ending early and cancelling maintenance: each previewed with what customers
// will see and published on confirmation (the same confirm step as posts), through one use-case
// from lib/incidents/maintenance.ts behind the one admin action wrapper.
import type * as z from "zod";
import { db } from "@/lib/db/client";
import { runAdminAction } from "@/lib/admin/action";
import { actionRoleCheck } from "@/lib/admin/form-action";
import type { FormState, PreviewFormState } from "@/lib/admin/form-state";
import type { Actor } from "@/lib/auth/roles";
import { previewMaintenance, publishMaintenance, type MaintenanceRequest } from "@/lib/incidents/maintenance";
import { closeMaintenanceFormSchema, confirmationOf, extendMaintenanceFormSchema, scheduleMaintenanceFormSchema } from "@/lib/validation/publish-form";
import { previewOrPublish } from "../preview-or-publish";

const NOTICE = { schedule: "scheduled", extend: "extended", end_early: "ended", cancel: "cancelled" } as const;

type Schema = typeof scheduleMaintenanceFormSchema | typeof extendMaintenanceFormSchema | typeof closeMaintenanceFormSchema;

function maintenanceAction<S extends Schema>(schema: S, request: (form: z.infer<S>) => MaintenanceRequest) {
  const run = (form: z.infer<S>, actor: Actor, values: FormState["values"]) => {
    const change = request(form);
    return previewOrPublish(values, confirmationOf(form), {
      preview: (now) => previewMaintenance(db(), change, now),
      publish: (now, confirmation) => publishMaintenance(db(), actor, change, { now, confirmation }),
      shown: ({ incidentNumber }) => `/admin/incidents/${incidentNumber}?maintenance=${NOTICE[change.action]}`,
    });
  };
  return (formData: FormData): Promise<PreviewFormState> => runAdminAction({ role: "commander", schema, run }, actionRoleCheck, formData);
}

const schedule = maintenanceAction(scheduleMaintenanceFormSchema, (input) => ({ action: "schedule", input }));
const extend = maintenanceAction(extendMaintenanceFormSchema, (input) => ({ action: "extend", input }));
const endEarly = maintenanceAction(closeMaintenanceFormSchema, (input) => ({ action: "end_early", input }));
const cancel = maintenanceAction(closeMaintenanceFormSchema, (input) => ({ action: "cancel", input }));

export async function scheduleMaintenanceAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  return schedule(formData);
}
export async function extendMaintenanceAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  return extend(formData);
}
export async function endMaintenanceEarlyAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  return endEarly(formData);
}
export async function cancelMaintenanceAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  return cancel(formData);
}
