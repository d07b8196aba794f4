import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadComponents } from "@/lib/db/timeline-queries";
import { listTemplates } from "@/lib/incidents/templates";
import { AdminForm } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { createTemplateAction } from "./actions";
import { templateFields } from "./fields";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requireRole("commander");
  const [templates, components] = await Promise.all([listTemplates(db()), loadComponents(db())]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Incident templates</h1>
      <p>Presets for common incidents. Starting from one prefills the new-incident form; you still preview and confirm before anything is published.</p>
      {templates.length === 0 && <p>No templates yet.</p>}
      <ul className="space-y-2">
        {templates.map((template) => (
          <li
            key={template.id}
            data-template={template.name}
            className="flex flex-wrap items-center justify-between gap-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
          >
            <span>
              <strong>{template.name}</strong> — {template.title}
            </span>
            <span className="flex gap-4">
              <a href={`/admin/incidents/new?template=${template.id}`} className="underline">
                Start an incident from it
              </a>
              <a href={`/admin/templates/${template.id}`} className="underline">
                Edit
              </a>
            </span>
          </li>
        ))}
      </ul>
      <AdminSection id="add-template" title="Add a template">
        <AdminForm action={createTemplateAction} submitLabel="Save template" fields={templateFields(components)} />
      </AdminSection>
    </div>
  );
}
