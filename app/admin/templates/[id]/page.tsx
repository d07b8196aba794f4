import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadComponents } from "@/lib/db/timeline-queries";
import { findTemplate } from "@/lib/incidents/templates";
import { templateFormValues } from "@/lib/incidents/template-values";
import { AdminForm } from "../../_components/AdminForm";
import { deleteTemplateAction, updateTemplateAction } from "../actions";
import { templateFields } from "../fields";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("commander");
  const id = Number((await params).id);
  const template = Number.isInteger(id) && id > 0 ? await findTemplate(db(), id) : null;
  if (!template) notFound();
  const components = await loadComponents(db());
  const idField = { kind: "hidden", name: "id", value: String(template.id) } as const;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Template: {template.name}</h1>
      {(await searchParams).saved && (
        <p role="status" data-notice="" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100">
          Template saved.
        </p>
      )}
      <p className="flex gap-4">
        <a href={`/admin/incidents/new?template=${template.id}`} className="underline">
          Start an incident from it
        </a>
        <a href="/admin/templates" className="underline">
          All templates
        </a>
      </p>
      <AdminForm action={updateTemplateAction} submitLabel="Save template" fields={[idField, ...templateFields(components, templateFormValues(template))]} />
      <AdminForm action={deleteTemplateAction} idPrefix="delete-" submitLabel="Delete template" danger fields={[idField]} />
    </div>
  );
}
