import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { adminNow } from "@/lib/admin/clock";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { updateAge } from "@/lib/incidents/staleness";
import { loadComponentStates } from "@/lib/incidents/admin-queries";
import { loadActiveIncidents } from "@/lib/db/timeline-queries";
import { commandersOf } from "@/lib/incident-timeline/command";
import { incidentState, maintenanceStatus } from "@/lib/timeline";
import { StatePill } from "@/components/public/StatePill";
import { formatUtc } from "@/lib/text/format-time";
import { staleAfterMinutes as loadStaleAfter } from "@/lib/admin/settings";
import { listOpenDrafts } from "@/lib/alerts/drafts";
import { AdminSection } from "./_components/AdminSection";
import { AlertDrafts } from "./_components/AlertDrafts";

export const metadata: Metadata = { title: "Dashboard" };

const newIncidentLink = (
  <a href="/admin/incidents/new" className="rounded bg-zinc-900 px-3 py-1.5 font-semibold text-white dark:bg-zinc-100 dark:text-zinc-900">
    New incident
  </a>
);
const scheduleMaintenanceLink = (
  <a href="/admin/maintenance/new" className="underline">
    Schedule maintenance
  </a>
);

export default async function DashboardPage() {
  const actor = await requireRole("viewer");
  const now = await adminNow();
  const [components, active, staleAfter, drafts] = await Promise.all([
    loadComponentStates(db(), now),
    loadActiveIncidents(db(), now),
    loadStaleAfter(db()),
    listOpenDrafts(db()),
  ]);
  const staleAfterMinutes = staleAfter.minutes;
  const open = active.filter((incident) => incident.kind === "incident" && incidentState(incident, now).open);
  const commanders = await commandersOf(
    db(),
    open.map((incident) => incident.id),
  );
  const systems = components.filter((component) => component.parentId === null);
  const canPost = hasRole(actor.role, "commander");
  const maintenance = active
    .filter((incident) => incident.kind === "maintenance")
    .map((incident) => ({ incident, status: maintenanceStatus(incident, now) }))
    .filter(({ status }) => status !== "completed")
    .sort((a, b) => (a.incident.scheduledStartAt?.getTime() ?? 0) - (b.incident.scheduledStartAt?.getTime() ?? 0));

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      <AlertDrafts drafts={drafts} nameOf={(id) => components.find((component) => component.id === id)?.name ?? `#${id}`} canDecide={canPost} />
      <AdminSection id="open-heading" title="Open incidents" className="space-y-3" aside={canPost && newIncidentLink}>
        {open.length === 0 && <p>No open incidents.</p>}
        <ul className="space-y-2">
          {open.map((incident) => {
            const age = updateAge(incident, now, staleAfterMinutes);
            return (
              <li
                key={incident.id}
                data-incident={incident.number}
                className="flex flex-wrap items-center justify-between gap-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
              >
                <div>
                  <a href={`/admin/incidents/${incident.number}`} className="font-semibold underline">
                    #{incident.number} {incident.title}
                  </a>
                  <p className={age.stale ? "font-semibold text-red-800 dark:text-red-300" : "text-sm"} data-stale={age.stale ? "" : undefined}>
                    Last update {age.label}
                    {age.stale && ` — no public update for over ${staleAfterMinutes} minutes. Post an update so customers know you are on it.`}
                  </p>
                  <p className="text-sm" data-commander={commanders.get(incident.id) ?? ""}>
                    {commanders.has(incident.id) ? `Commander: ${commanders.get(incident.id)}` : "Nobody has taken command."}
                  </p>
                </div>
                {canPost && (
                  <a href={`/admin/incidents/${incident.number}#post-update`} className="underline">
                    Post update
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      </AdminSection>
      <AdminSection id="maintenance-heading" title="Maintenance" className="space-y-3" aside={canPost && scheduleMaintenanceLink}>
        {maintenance.length === 0 && <p>No upcoming or ongoing maintenance.</p>}
        <ul className="space-y-2">
          {maintenance.map(({ incident, status }) => (
            <li
              key={incident.id}
              data-maintenance={incident.number}
              data-maintenance-status={status}
              className="rounded border border-zinc-300 p-3 dark:border-zinc-700"
            >
              <a href={`/admin/incidents/${incident.number}`} className="font-semibold underline">
                #{incident.number} {incident.title}
              </a>
              <p className="text-sm">
                {status === "in_progress" ? "In progress" : "Upcoming"}
                {incident.scheduledStartAt && incident.scheduledEndAt && ` · ${formatUtc(incident.scheduledStartAt)} – ${formatUtc(incident.scheduledEndAt)}`}
              </p>
            </li>
          ))}
        </ul>
      </AdminSection>
      <AdminSection id="systems-heading" title="Systems" className="space-y-2">
        <ul className="grid gap-2 sm:grid-cols-2">
          {systems.map((system) => (
            <li key={system.id} className="flex items-center justify-between rounded border border-zinc-300 p-3 dark:border-zinc-700">
              <span className="font-semibold">{system.name}</span>
              <StatePill state={system.state} />
            </li>
          ))}
        </ul>
      </AdminSection>
    </div>
  );
}
