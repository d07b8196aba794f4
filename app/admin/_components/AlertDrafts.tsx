// The dashboard's first section: what alerts propose, waiting for a commander — each draft with
// its evidence, and for a proposed Resolved the alerts that still fire. Nothing here is public.
import type { DraftView } from "@/lib/alerts/drafts";
import { STATE_LABEL } from "@/lib/text/labels";
import { formatUtc } from "@/lib/text/format-time";
import { AdminSection } from "./AdminSection";
import { AlertEvidenceList } from "./AlertEvidenceList";

/** A storm's list would push the dashboard down: more alerts than this start folded. */
const ALERTS_SHOWN_OPEN = 3;

export function draftProposal(draft: DraftView, nameOf: (componentId: number) => string): string {
  const states = draft.stateChanges.map((change) => `${nameOf(change.componentId)} → ${STATE_LABEL[change.state]}`).join(", ");
  const what =
    draft.kind === "post" && draft.incident
      ? `${draft.postType === "resolved" ? "Resolved" : "An update"} for #${draft.incident.number} ${draft.incident.title}`
      : draft.storm
        ? "One incident for a storm of alerts"
        : "A new incident";
  return states ? `${what}; ${states}` : what;
}

export function StillFiring({ draft }: { draft: DraftView }) {
  if (draft.postType !== "resolved") return null;
  if (draft.stillFiring.length === 0) return <p data-still-firing="0">No alert of this incident is still firing.</p>;
  const names = draft.stillFiring.map((alert) => alert.labels.alertname ?? alert.fingerprint);
  return (
    <p data-still-firing={draft.stillFiring.length} className="font-semibold text-red-800 dark:text-red-300">
      Still firing: {names.join(", ")}
    </p>
  );
}

interface Props {
  drafts: readonly DraftView[];
  nameOf: (componentId: number) => string;
  canDecide: boolean;
}

export function AlertDrafts({ drafts, nameOf, canDecide }: Props) {
  if (drafts.length === 0) return null;
  return (
    <AdminSection
      id="drafts-heading"
      title={`Drafts from alerts (${drafts.length})`}
      className="space-y-3 rounded border-l-4 border-amber-600 bg-amber-50 p-4 dark:bg-amber-950"
    >
      <p>Proposed by monitoring; nothing is public until a commander confirms it.</p>
      <ul className="space-y-3">
        {drafts.map((draft) => (
          <li
            key={draft.id}
            data-draft={draft.id}
            data-draft-kind={draft.postType}
            data-storm={draft.storm ? "" : undefined}
            className="space-y-2 rounded border border-amber-700 bg-white p-3 dark:bg-zinc-900"
          >
            <p className="font-semibold">{draft.title}</p>
            <p className="text-sm">
              {draftProposal(draft, nameOf)} · from {draft.integration?.name ?? "a removed integration"} · {formatUtc(draft.createdAt)}
            </p>
            <StillFiring draft={draft} />
            <details open={draft.alerts.length <= ALERTS_SHOWN_OPEN}>
              <summary>Evidence: {draft.alerts.length === 1 ? "1 alert" : `${draft.alerts.length} alerts`}</summary>
              <AlertEvidenceList alerts={draft.alerts} title={`Alerts behind “${draft.title}”`} />
            </details>
            {canDecide && (
              <a
                href={`/admin/drafts/${draft.id}`}
                className="inline-block rounded bg-zinc-900 px-3 py-1.5 font-semibold text-white dark:bg-zinc-100 dark:text-zinc-900"
              >
                Review draft<span className="sr-only">: {draft.title}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </AdminSection>
  );
}
