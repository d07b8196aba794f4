import type { Metadata } from "next";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { AUDIT_PAGE_SIZE, auditActions, loadAuditEvents } from "@/lib/incidents/admin-queries";
import { formatUtc } from "@/lib/text/format-time";
import { AdminTable } from "../_components/AdminTable";
import { INPUT_CLASS } from "../_components/Field";

export const metadata: Metadata = { title: "Audit log" };

const filterSchema = z.object({
  action: z.string().max(100).optional().catch(undefined),
  actor: z.string().max(254).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

const COLUMNS = ["Time (UTC)", "Actor", "Action", "Target", "Before", "After"];

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value, null, 1));

type AuditEvent = Awaited<ReturnType<typeof loadAuditEvents>>[number];

function auditRow(event: AuditEvent) {
  return (
    <tr key={event.id} data-audit-action={event.action} className="border-t border-zinc-300 align-top dark:border-zinc-700">
      <td className="whitespace-nowrap pr-2">{formatUtc(event.createdAt)}</td>
      <td className="pr-2">
        {event.actorLabel}
        {event.ip && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{event.ip}</span>}
      </td>
      <td className="pr-2">{event.action}</td>
      <td className="pr-2">
        {event.targetType} {event.targetId}
      </td>
      <td className="pr-2">
        <pre className="max-w-xs whitespace-pre-wrap break-words">{json(event.before)}</pre>
      </td>
      <td>
        <pre className="max-w-xs whitespace-pre-wrap break-words">{json(event.after)}</pre>
      </td>
    </tr>
  );
}

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  await requireRole("admin");
  const filter = filterSchema.parse(await searchParams);
  const [events, actions] = await Promise.all([
    loadAuditEvents(db(), { ...filter, action: filter.action || undefined, actor: filter.actor || undefined }),
    auditActions(db()),
  ]);
  const older = events.length === AUDIT_PAGE_SIZE ? events.at(-1)!.id : null;
  const olderQuery = new URLSearchParams({
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    before: String(older),
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p>Every sign-in, publish, edit, delete and role change. Read-only: nothing here can be changed from the app.</p>
      <form method="get" className="flex flex-wrap items-end gap-4">
        <label className="space-y-1">
          <span className="block font-medium">Action</span>
          <select name="action" defaultValue={filter.action ?? ""} className={INPUT_CLASS}>
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Actor contains</span>
          <input name="actor" defaultValue={filter.actor ?? ""} className={INPUT_CLASS} />
        </label>
        <button type="submit" className="rounded border border-zinc-700 px-4 py-2">
          Filter
        </button>
      </form>
      <AdminTable caption="Audit events, newest first" columns={COLUMNS} rows={events} empty="No events match." renderRow={auditRow} />
      {older && (
        <a href={`/admin/audit?${olderQuery}`} className="underline">
          Older events
        </a>
      )}
    </div>
  );
}
