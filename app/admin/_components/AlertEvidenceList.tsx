// The evidence behind a draft: each alert's status, labels, annotations and the link to its graph.
// Everything here is the monitoring tool's untrusted text: React escapes it, and the graph link is
// a link only when it is an absolute http(s) address (never javascript: or data:).
import type { AlertEvidence } from "@/lib/alerts/drafts";
import { formatUtc } from "@/lib/text/format-time";

/** The address as a link target, or null when it is not plainly http(s). */
export function graphHref(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}

function Pairs({ name, pairs }: { name: string; pairs: Record<string, string> }) {
  const entries = Object.entries(pairs);
  if (entries.length === 0) return null;
  return (
    <div>
      <p className="font-medium">{name}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
        {entries.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-mono">{key}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function AlertItem({ alert }: { alert: AlertEvidence }) {
  const href = graphHref(alert.generatorUrl);
  const name = alert.labels.alertname ?? alert.fingerprint;
  return (
    <li
      data-alert={alert.fingerprint}
      data-alert-name={name}
      data-alert-status={alert.status}
      className="space-y-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
    >
      <p>
        <strong>{name}</strong> —{" "}
        {alert.status === "firing" ? (
          <span className="font-semibold text-red-800 dark:text-red-300">still firing</span>
        ) : (
          <span>resolved{alert.endsAt && ` ${formatUtc(alert.endsAt)}`}</span>
        )}
        <span className="text-sm">
          {" "}
          · since {formatUtc(alert.startsAt)} · from {alert.integrationName}
        </span>
      </p>
      <Pairs name="Labels" pairs={alert.labels} />
      <Pairs name="Annotations" pairs={alert.annotations} />
      {href ? (
        <p className="text-sm">
          <a href={href} rel="noreferrer noopener" className="underline" data-graph-link="">
            Graph of {name}
          </a>
        </p>
      ) : (
        alert.generatorUrl && <p className="break-all text-sm">Source: {alert.generatorUrl}</p>
      )}
    </li>
  );
}

/** The alerts of a draft, firing ones first; `title` names the list for screen readers. */
export function AlertEvidenceList({ alerts, title }: { alerts: readonly AlertEvidence[]; title: string }) {
  const sorted = [...alerts].sort((a, b) => (a.status === b.status ? 0 : a.status === "firing" ? -1 : 1));
  return (
    <ul aria-label={title} className="space-y-2">
      {sorted.map((alert) => (
        <AlertItem key={alert.id} alert={alert} />
      ))}
    </ul>
  );
}
