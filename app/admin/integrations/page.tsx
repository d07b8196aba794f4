import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { type IntegrationSummary, listIntegrations, listRules } from "@/lib/alerts/integrations";
import { payloadSummaries, type PayloadSummary } from "@/lib/alerts/payload-summary";
import { listUnroutedAlerts, stormThreshold } from "@/lib/alerts/received";
import { loadComponents } from "@/lib/db/timeline-queries";
import { formatUtc } from "@/lib/text/format-time";
import { AdminForm } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { AdminTable } from "../_components/AdminTable";
import { AlertEvidenceList } from "../_components/AlertEvidenceList";
import { ButtonForm } from "../_components/ButtonForm";
import { CreateIntegrationForm } from "./CreateIntegrationForm";
import { RuleList } from "./RuleList";
import { createIntegrationAction, revokeIntegrationAction, updateStormThresholdAction } from "./actions";
import { KIND_LABEL } from "./kind-label";

export const metadata: Metadata = { title: "Integrations" };

const COLUMNS = ["Name", "Sends", "Token starts with", "Created (UTC)", "Last payload (UTC)", "Payloads by outcome", "Status"];
const OUTCOMES = ["opened", "attached", "ignored", "unrouted", "rejected"] as const;

function outcomeCounts(summary: PayloadSummary | undefined): string {
  const counts = OUTCOMES.filter((outcome) => summary?.counts[outcome]).map((outcome) => `${summary?.counts[outcome]} ${outcome}`);
  return counts.length > 0 ? counts.join(", ") : "none yet";
}

function integrationRow(integration: IntegrationSummary, summary: PayloadSummary | undefined, canManage: boolean) {
  return (
    <tr key={integration.id} data-integration={integration.name} className="border-t border-zinc-300 align-top dark:border-zinc-700">
      <td className="pr-2">
        <a href={`/admin/integrations/${integration.id}`} className="underline">
          {integration.name}
        </a>
      </td>
      <td className="pr-2">{KIND_LABEL[integration.kind]}</td>
      <td className="pr-2">
        <code>{integration.prefix}…</code>
      </td>
      <td className="pr-2">{formatUtc(integration.createdAt)}</td>
      <td className="pr-2">{summary?.lastReceivedAt ? formatUtc(summary.lastReceivedAt) : "never"}</td>
      <td className="pr-2" data-outcomes="">
        {outcomeCounts(summary)}
      </td>
      <td>
        {integration.revokedAt ? (
          `Revoked ${formatUtc(integration.revokedAt)}`
        ) : canManage ? (
          <ButtonForm action={revokeIntegrationAction} fields={{ integrationId: integration.id }} label="Revoke" ariaLabel={`Revoke ${integration.name}`} />
        ) : (
          "Active"
        )}
      </td>
    </tr>
  );
}

export default async function IntegrationsPage({ searchParams }: PageProps<"/admin/integrations">) {
  const actor = await requireRole("viewer");
  const canManage = hasRole(actor.role, "admin");
  const [integrations, rules, components, summaries, unrouted, storm] = await Promise.all([
    listIntegrations(db()),
    listRules(db()),
    loadComponents(db()),
    payloadSummaries(db()),
    listUnroutedAlerts(db()),
    stormThreshold(db()),
  ]);
  const saved = (await searchParams).saved !== undefined;
  const scopes = [
    ...integrations.map((integration) => ({ integration, rules: rules.filter((rule) => rule.integrationId === integration.id) })),
    { integration: null, rules: rules.filter((rule) => rule.integrationId === null) },
  ].filter(({ integration, rules }) => (integration ? !integration.revokedAt || rules.length > 0 : rules.length > 0));

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Integrations</h1>
      <p>
        Monitoring tools (Prometheus Alertmanager, Grafana, Uptime Kuma, or anything that can send JSON) send their alerts here. Rules route them to components:
        by default an alert opens a draft that a commander confirms on the dashboard; nothing is public until then. Viewers read this page, admins manage
        integrations and rules, commanders confirm or dismiss drafts.
      </p>
      {saved && (
        <p role="status" data-notice="" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100">
          Rule saved.
        </p>
      )}
      {canManage && <CreateIntegrationForm action={createIntegrationAction} />}
      <AdminSection id="integrations-heading" title="Integrations">
        <AdminTable
          caption="Integrations, active ones first"
          columns={COLUMNS}
          rows={integrations}
          empty="No integrations yet."
          renderRow={(integration) => integrationRow(integration, summaries.get(integration.id), canManage)}
        />
      </AdminSection>
      {scopes.map(({ integration, rules }) => (
        <RuleList key={integration?.id ?? "global"} integration={integration} rules={rules} components={components} canManage={canManage} />
      ))}
      <AdminSection id="storm-heading" title="Alert storms">
        <p>
          When integrations would open more than <strong data-storm-threshold="">{storm}</strong> incidents within 10 minutes, the rest collapse into one draft
          listing their alerts.
        </p>
        {canManage && (
          <AdminForm
            action={updateStormThresholdAction}
            submitLabel="Save threshold"
            idPrefix="storm-"
            fields={[{ kind: "number", name: "stormThreshold", label: "Incidents within 10 minutes before a storm", value: String(storm), hint: "1 to 1000." }]}
          />
        )}
      </AdminSection>
      <AdminSection id="unrouted-heading" title={`Unrouted alerts (${unrouted.length})`}>
        <p>Alerts that matched no rule: kept, never dropped. Add a rule to route alerts like these.</p>
        {unrouted.length === 0 ? <p>None.</p> : <AlertEvidenceList alerts={unrouted} title="Unrouted alerts, most recently seen first" />}
      </AdminSection>
    </div>
  );
}
