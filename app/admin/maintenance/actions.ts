"use server";
// Scheduling, extending, ending early and cancelling maintenance: each one use-case from
// lib/incidents/maintenance.ts, behind the one admin action wrapper.
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/admin/form-action";
import { cancelMaintenance, endMaintenanceEarly, extendMaintenance, scheduleMaintenance } from "@/lib/incidents/maintenance";
import { closeMaintenanceSchema, extendMaintenanceSchema, scheduleMaintenanceSchema } from "@/lib/validation/maintenance";

const shown = (incidentNumber: number, notice: string) => redirect(`/admin/incidents/${incidentNumber}?maintenance=${notice}`);

export const scheduleMaintenanceAction = formAction("commander", scheduleMaintenanceSchema, async (input, actor) => {
  shown((await scheduleMaintenance(db(), actor, input, { now: new Date() })).incidentNumber, "scheduled");
});
export const extendMaintenanceAction = formAction("commander", extendMaintenanceSchema, async (input, actor) => {
  shown((await extendMaintenance(db(), actor, input, { now: new Date() })).incidentNumber, "extended");
});
export const endMaintenanceEarlyAction = formAction("commander", closeMaintenanceSchema, async (input, actor) => {
  shown((await endMaintenanceEarly(db(), actor, input, { now: new Date() })).incidentNumber, "ended");
});
export const cancelMaintenanceAction = formAction("commander", closeMaintenanceSchema, async (input, actor) => {
  shown((await cancelMaintenance(db(), actor, input, { now: new Date() })).incidentNumber, "cancelled");
});
