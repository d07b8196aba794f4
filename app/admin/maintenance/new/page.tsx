import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadComponentStates } from "@/lib/incidents/admin-queries";
import { HOUR_MS } from "@/lib/timeline/dates";
import { AdminForm } from "../../_components/AdminForm";
import { scheduleMaintenanceAction } from "../actions";

export const metadata: Metadata = { title: "Schedule maintenance" };

/** A datetime-local value in UTC. */
const utcInput = (date: Date) => date.toISOString().slice(0, 16);

export default async function NewMaintenancePage() {
  await requireRole("commander");
  const now = new Date();
  const components = await loadComponentStates(db(), now);
  // Suggest tomorrow, on the hour, for two hours.
  const start = new Date(Math.ceil((now.getTime() + 24 * HOUR_MS) / HOUR_MS) * HOUR_MS);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Schedule maintenance</h1>
      <p>
        Customers see it as upcoming at once. The components turn blue (under maintenance) when the window starts and return to normal when it ends, with
        nothing more to do. You can extend it, end it early or cancel it from its page. Preview first: you see it as customers will, and what changes for them,
        before it is published.
      </p>
      <AdminForm
        action={scheduleMaintenanceAction}
        submitLabel="Preview"
        confirmLabel="Schedule maintenance"
        fields={[
          { kind: "hidden", name: "idempotencyKey", value: randomUUID() },
          { kind: "text", name: "title", label: "Title", hint: "E.g. “Scheduled Dashboard maintenance”." },
          {
            kind: "checkboxes",
            name: "componentIds",
            label: "Components under maintenance",
            options: components.map(
              (component) => [String(component.id), component.parentId === null ? `${component.name} (system)` : component.name] as const,
            ),
          },
          { kind: "datetime-local", name: "startsAt", label: "Window starts (UTC)", value: utcInput(start) },
          { kind: "datetime-local", name: "endsAt", label: "Window ends (UTC)", value: utcInput(new Date(start.getTime() + 2 * HOUR_MS)) },
          { kind: "textarea", name: "body", label: "Message (Markdown)", hint: "What the work does and what customers may notice." },
        ]}
      />
    </div>
  );
}
