import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { isOverdue, listActionItems } from "@/lib/postmortems/queries";
import { AdminSection } from "../_components/AdminSection";
import { AdminTable } from "../_components/AdminTable";
import { actionItemStatusAction } from "../incidents/[number]/postmortem/actions";

export const metadata: Metadata = { title: "Action items" };

const COLUMNS = ["Action item", "Incident", "Owner", "Due (UTC)", "Status", "Link"];

export default async function ActionItemsPage() {
  const actor = await requireRole("viewer");
  const items = await listActionItems(db());
  const canWrite = hasRole(actor.role, "commander");
  const now = new Date();
  const overdue = items.filter((item) => isOverdue(item, now)).length;
  return (
    <AdminSection id="action-items-heading" title="Action items" className="space-y-4">
      <p>
        Follow-ups from every postmortem: open ones first, soonest due first.{" "}
        {overdue > 0 && <strong data-overdue-count={overdue}>{overdue === 1 ? "1 is overdue." : `${overdue} are overdue.`}</strong>}
      </p>
      <AdminTable
        caption="Action items across incidents, open first by due date, then done"
        columns={canWrite ? [...COLUMNS, "Change"] : COLUMNS}
        rows={items}
        empty="No action items yet. They are added on an incident's postmortem."
        renderRow={(item) => {
          const late = isOverdue(item, now);
          return (
            <tr
              key={item.id}
              data-action-item={item.id}
              data-overdue={late ? "" : undefined}
              className={late ? "bg-red-50 font-semibold text-red-900 dark:bg-red-950 dark:text-red-100" : undefined}
            >
              <td>{item.title}</td>
              <td>
                <a href={`/admin/incidents/${item.incident.number}/postmortem`} className="underline">
                  #{item.incident.number}
                </a>
              </td>
              <td>{item.owner || "—"}</td>
              <td>{item.dueAt ? item.dueAt.toISOString().slice(0, 10) : "—"}</td>
              <td>{item.status === "done" ? `Done ${item.closedAt ? item.closedAt.toISOString().slice(0, 10) : ""}` : late ? "Overdue" : "Open"}</td>
              <td>
                {item.url ? (
                  <a href={item.url} className="underline" rel="noreferrer">
                    {new URL(item.url).host}
                  </a>
                ) : (
                  "—"
                )}
              </td>
              {canWrite && (
                <td>
                  <form action={actionItemStatusAction}>
                    <input type="hidden" name="id" value={item.id} />
                    <input type="hidden" name="status" value={item.status === "done" ? "open" : "done"} />
                    <button type="submit" className="underline" aria-label={`${item.status === "done" ? "Reopen" : "Mark done"}: ${item.title}`}>
                      {item.status === "done" ? "Reopen" : "Mark done"}
                    </button>
                  </form>
                </td>
              )}
            </tr>
          );
        }}
      />
    </AdminSection>
  );
}
