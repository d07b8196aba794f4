import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadComponentStates } from "@/lib/incidents/admin-queries";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { WEBHOOK_FORMAT_CHOICES } from "@/lib/webhooks/formats";
import { CreateWebhookForm } from "./CreateWebhookForm";
import { createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requireRole("admin");
  const [endpoints, components] = await Promise.all([listWebhookEndpoints(db()), loadComponentStates(db(), new Date())]);
  const nameOf = (id: number) => components.find((component) => component.id === id)?.name ?? `#${id}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Webhooks</h1>
      <p>
        On every publish Beacon POSTs to each matching endpoint, signed with <code>X-Beacon-Signature: t=…,v1=…</code> (HMAC-SHA256 of <code>t.body</code>), and
        retries failures 6 times over about an hour. Slack, Discord, Microsoft Teams and Google Chat get a message in their own format (the state's colour, the
        components, the text and a link).
      </p>
      <ul className="space-y-3">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id} data-webhook={endpoint.name} className="rounded border border-zinc-300 p-3 dark:border-zinc-700">
            <p className="font-semibold">
              <a href={`/admin/webhooks/${endpoint.id}`} className="underline">
                {endpoint.name}
              </a>{" "}
              <span className="font-normal">({WEBHOOK_FORMAT_CHOICES[endpoint.format].label})</span>
            </p>
            <p className="break-all text-sm">{endpoint.url}</p>
            <p className="text-sm">
              Components: {endpoint.componentIds.length ? endpoint.componentIds.map(nameOf).join(", ") : "all"} · Events:{" "}
              {endpoint.events.length ? endpoint.events.join(", ") : "all"} · {endpoint.pending} pending
            </p>
            <p className="text-sm" data-webhook-status={endpoint.disabledAt ? "disabled" : "enabled"}>
              {endpoint.disabledAt ? endpoint.disabledReason : "Enabled"}
            </p>
          </li>
        ))}
      </ul>
      {endpoints.length === 0 && <p>No endpoints yet.</p>}
      <CreateWebhookForm action={createWebhookAction} components={components} />
    </div>
  );
}
