import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { formatUtc } from "@/lib/text/format-time";
import { WEBHOOK_FORMAT_CHOICES } from "@/lib/webhooks/formats";
import { loadWebhookLog } from "@/lib/webhooks/endpoints";
import { AdminTable } from "../../_components/AdminTable";
import { deleteWebhookAction, setWebhookEnabledAction } from "../actions";

export const metadata: Metadata = { title: "Webhook deliveries" };

const COLUMNS = ["Time (UTC)", "Delivery", "Event", "Result", "Duration", "Delivery status"];

type Attempt = NonNullable<Awaited<ReturnType<typeof loadWebhookLog>>>["attempts"][number];

function attemptRow(attempt: Attempt) {
  return (
    <tr key={attempt.id} data-attempt={attempt.statusCode ?? "error"} className="border-t border-zinc-300 dark:border-zinc-700">
      <td className="pr-2">{formatUtc(attempt.attemptedAt)}</td>
      <td className="pr-2">#{attempt.delivery.id}</td>
      <td className="pr-2">{attempt.delivery.event}</td>
      <td className="pr-2">{attempt.statusCode ? `HTTP ${attempt.statusCode}` : attempt.error}</td>
      <td className="pr-2">{attempt.durationMs} ms</td>
      <td>
        {attempt.delivery.status === "pending"
          ? `retry at ${formatUtc(attempt.delivery.nextAttemptAt)} (try ${attempt.delivery.attempts + 1} of 6)`
          : attempt.delivery.status}
      </td>
    </tr>
  );
}

export default async function WebhookLogPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("admin");
  const id = Number((await params).id);
  const log = Number.isInteger(id) && id > 0 ? await loadWebhookLog(db(), id) : null;
  if (!log) notFound();
  const { endpoint, attempts } = log;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{endpoint.name}</h1>
      <p className="break-all">
        {endpoint.url} · {WEBHOOK_FORMAT_CHOICES[endpoint.format].label} · secret {endpoint.secretHint}
      </p>
      <p role="status" data-webhook-status={endpoint.disabledAt ? "disabled" : "enabled"} className="font-semibold">
        {endpoint.disabledAt ? endpoint.disabledReason : "Enabled"}
      </p>
      <div className="flex gap-4">
        <form action={setWebhookEnabledAction}>
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <input type="hidden" name="enabled" value={endpoint.disabledAt ? "true" : "false"} />
          <button type="submit" className="underline">
            {endpoint.disabledAt ? "Enable again" : "Pause"}
          </button>
        </form>
        <form action={deleteWebhookAction}>
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <button type="submit" className="text-red-800 underline dark:text-red-300">
            Delete endpoint
          </button>
        </form>
      </div>
      <h2 className="text-xl font-semibold">Latest attempts</h2>
      <AdminTable caption="Delivery attempts, newest first" columns={COLUMNS} rows={attempts} empty="No deliveries attempted yet." renderRow={attemptRow} />
    </div>
  );
}
