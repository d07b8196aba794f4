import type { Metadata } from "next";
import { notFound } from "next/navigation";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadIntegration } from "@/lib/alerts/integrations";
import { listReceivedPayloads, RETENTION_DAYS, type ReceivedPayload } from "@/lib/alerts/received";
import { formatUtc } from "@/lib/text/format-time";
import { AdminTable } from "../../_components/AdminTable";
import { KIND_LABEL } from "../kind-label";

export const metadata: Metadata = { title: "Integration" };

const SHOWN_PAYLOADS = 100;
const COLUMNS = ["Received (UTC)", "Outcome", "Why", "Alerts", "Body as received"];
const idSchema = z.coerce.number().int().positive();

function payloadRow(payload: ReceivedPayload) {
  const skipped = payload.truncatedCount > 0 ? ` (${payload.truncatedCount} not processed)` : "";
  return (
    <tr key={payload.id} data-payload={payload.id} data-outcome={payload.outcome} className="border-t border-zinc-300 align-top dark:border-zinc-700">
      <td className="pr-2 whitespace-nowrap">{formatUtc(payload.receivedAt)}</td>
      <td className="pr-2">{payload.outcome}</td>
      <td className="pr-2">{payload.reason}</td>
      <td className="pr-2">
        {payload.alertCount}
        {skipped}
      </td>
      <td>
        {/* Untrusted text from the sender: React escapes it; shown, never interpreted. */}
        <details>
          <summary>
            {payload.body.length.toLocaleString("en-US")} characters{payload.bodyTruncated && ", cut short when stored"}
          </summary>
          <pre className="max-h-96 max-w-xl overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">{payload.body}</pre>
        </details>
      </td>
    </tr>
  );
}

export default async function IntegrationPage({ params }: PageProps<"/admin/integrations/[id]">) {
  await requireRole("viewer");
  const id = idSchema.safeParse((await params).id);
  const integration = id.success ? await loadIntegration(db(), id.data) : null;
  if (!integration) notFound();
  const payloads = await listReceivedPayloads(db(), integration.id, SHOWN_PAYLOADS);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{integration.name}</h1>
      <p>
        {KIND_LABEL[integration.kind]} · created {formatUtc(integration.createdAt)}
        {integration.revokedAt && ` · revoked ${formatUtc(integration.revokedAt)}`} ·{" "}
        <a href={`/admin/integrations#integration-${integration.id}`} className="underline">
          its rules
        </a>
      </p>
      <p>
        The last {SHOWN_PAYLOADS} payloads it sent, newest first, with what Beacon did with each. Payloads are kept {RETENTION_DAYS} days.
      </p>
      <AdminTable caption="Received payloads, newest first" columns={COLUMNS} rows={payloads} empty="Nothing received yet." renderRow={payloadRow} />
    </div>
  );
}
