import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadComponents, type ComponentRow } from "@/lib/db/timeline-queries";
import { AdminForm, type FieldSpec } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { createComponentAction, moveComponentAction, updateComponentAction } from "./actions";

export const metadata: Metadata = { title: "Components" };

const SLUG_HINT = "Part of public links (/components/SLUG): changing it breaks links others saved. Renaming keeps it.";

function placementFields(component: ComponentRow | null, systems: ComponentRow[]): FieldSpec[] {
  const parents = systems.filter((system) => system.id !== component?.id);
  return [
    { kind: "text", name: "description", label: "Description", value: component?.description ?? "" },
    {
      kind: "select",
      name: "parentId",
      label: "Group under",
      value: component?.parentId === null || !component ? "" : String(component.parentId),
      options: [["", "Nothing: it is a system"], ...parents.map((system) => [String(system.id), system.name] as const)],
    },
    { kind: "checkbox", name: "hidden", label: "Hidden from the public page", checked: component?.hidden ?? false },
  ];
}

function newComponentFields(systems: ComponentRow[]): FieldSpec[] {
  return [
    { kind: "text", name: "name", label: "Name" },
    { kind: "text", name: "slug", label: "Slug (optional)", hint: "Empty: made from the name, e.g. “Git push” → git-push." },
    ...placementFields(null, systems),
  ];
}

function MoveForm({ component, direction }: { component: ComponentRow; direction: "up" | "down" }) {
  const fields: FieldSpec[] = [
    { kind: "hidden", name: "id", value: String(component.id) },
    { kind: "hidden", name: "direction", value: direction },
  ];
  return (
    <AdminForm
      action={moveComponentAction}
      idPrefix={`${direction}-${component.id}-`}
      submitLabel={`Move ${direction}`}
      className="flex items-center gap-2"
      fields={fields}
    />
  );
}

export default async function ComponentsPage() {
  await requireRole("admin");
  const components = await loadComponents(db());
  const systems = components.filter((component) => component.parentId === null);
  const ordered = systems.flatMap((system) => [system, ...components.filter((component) => component.parentId === system.id)]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Components</h1>
      <p>
        Systems (such as Production) and their sub-components, in the order customers see them. Incidents refer to components by id, so a rename shows
        everywhere at once, history included.
      </p>
      <ul className="space-y-3">
        {ordered.map((component) => (
          <li
            key={component.id}
            data-admin-component={component.slug}
            className={`rounded border border-zinc-300 p-3 dark:border-zinc-700 ${component.parentId === null ? "" : "ml-6"}`}
          >
            <div className="flex flex-wrap items-center gap-3">
              <strong>{component.name}</strong>
              <code className="text-sm">{component.slug}</code>
              {component.hidden && <span className="text-sm font-semibold">hidden</span>}
              <MoveForm component={component} direction="up" />
              <MoveForm component={component} direction="down" />
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer underline">Edit {component.name}</summary>
              <AdminForm
                action={updateComponentAction}
                idPrefix={`edit-${component.id}-`}
                submitLabel="Save component"
                className="mt-3 space-y-4"
                fields={[
                  { kind: "hidden", name: "id", value: String(component.id) },
                  { kind: "text", name: "name", label: "Name", value: component.name },
                  { kind: "text", name: "slug", label: "Slug", value: component.slug, hint: SLUG_HINT },
                  ...placementFields(component, systems),
                ]}
              />
            </details>
          </li>
        ))}
      </ul>
      <AdminSection id="add-component" title="Add a component">
        <AdminForm action={createComponentAction} idPrefix="new-" submitLabel="Add component" fields={newComponentFields(systems)} />
      </AdminSection>
    </div>
  );
}
