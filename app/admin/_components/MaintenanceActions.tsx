// A maintenance's commands on its admin page: extend while it is not over, end early while it runs,
// cancel while it is upcoming. Each publishes a post customers see, so each is previewed first.
import type { MaintenanceStatus } from "@/lib/timeline/types";
import { formatUtc } from "@/lib/text/format-time";
import { cancelMaintenanceAction, endMaintenanceEarlyAction, extendMaintenanceAction } from "../maintenance/actions";
import { AdminForm } from "./AdminForm";
import { AdminSection } from "./AdminSection";

interface Props {
  incidentNumber: number;
  status: MaintenanceStatus;
  window: { start: Date; end: Date };
}

const STATUS_WORD: Record<MaintenanceStatus, string> = { upcoming: "Upcoming", in_progress: "In progress", completed: "Completed" };

export function MaintenanceStatusLine({ status, window }: Pick<Props, "status" | "window">) {
  return (
    <p data-maintenance-status={status}>
      <strong>{STATUS_WORD[status]}</strong> · window {formatUtc(window.start)} – {formatUtc(window.end)}
    </p>
  );
}

export function MaintenanceActions({ incidentNumber, status, window }: Props) {
  if (status === "completed") return null;
  const number = { kind: "hidden", name: "incidentNumber", value: String(incidentNumber) } as const;
  const close =
    status === "upcoming"
      ? { action: cancelMaintenanceAction, label: "Cancel maintenance", text: "This maintenance has been cancelled and will not take place." }
      : { action: endMaintenanceEarlyAction, label: "End maintenance now", text: "The maintenance has been completed." };
  return (
    <AdminSection id="maintenance-actions" title="Change this maintenance">
      <details data-maintenance-action="extend" className="rounded border border-zinc-300 p-3 dark:border-zinc-700">
        <summary className="cursor-pointer font-medium">Extend the window</summary>
        <AdminForm
          action={extendMaintenanceAction}
          idPrefix="extend-"
          submitLabel="Preview"
          confirmLabel="Extend maintenance"
          className="mt-3 space-y-4"
          fields={[
            number,
            { kind: "datetime-local", name: "endsAt", label: "New end (UTC)", value: window.end.toISOString().slice(0, 16) },
            { kind: "textarea", name: "body", label: "Update for customers (optional)", hint: "Empty: “The maintenance window has been extended until …”." },
          ]}
        />
      </details>
      <details data-maintenance-action="close" className="rounded border border-zinc-300 p-3 dark:border-zinc-700">
        <summary className="cursor-pointer font-medium">{close.label}</summary>
        <AdminForm
          action={close.action}
          idPrefix="close-"
          submitLabel="Preview"
          confirmLabel={close.label}
          className="mt-3 space-y-4"
          fields={[number, { kind: "textarea", name: "body", label: "Resolved post for customers", value: close.text }]}
        />
      </details>
    </AdminSection>
  );
}
