import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadComponentStates } from "@/lib/incidents/admin-queries";
import { loadComponents } from "@/lib/db/timeline-queries";
import { findTemplate, listTemplates } from "@/lib/incidents/templates";
import { incidentFormValues } from "@/lib/incidents/template-values";
import { INPUT_CLASS } from "../../_components/Field";
import { PublishForm } from "../../_components/PublishForm";
import { openIncidentAction } from "../actions";

export const metadata: Metadata = { title: "New incident" };

const querySchema = z.object({ template: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function NewIncidentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("commander");
  const { template: templateId } = querySchema.parse(await searchParams);
  const [components, rows, templates, template] = await Promise.all([
    loadComponentStates(db(), new Date()),
    loadComponents(db()),
    listTemplates(db()),
    templateId ? findTemplate(db(), templateId) : null,
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">New incident</h1>
      {templates.length > 0 && (
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="space-y-1">
            <span className="block font-medium">Start from a template</span>
            <select name="template" defaultValue={template ? String(template.id) : ""} className={INPUT_CLASS}>
              {templates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-zinc-700 px-4 py-2">
            Use template
          </button>
        </form>
      )}
      {template && (
        <p role="status" data-template-used={template.name}>
          Prefilled from the template “{template.name}”. Replace every placeholder such as {"{component}"} before publishing.
        </p>
      )}
      <PublishForm
        action={openIncidentAction}
        components={components}
        idempotencyKey={randomUUID()}
        initialType="investigating"
        initialValues={template ? incidentFormValues(template, rows) : undefined}
      />
    </div>
  );
}
