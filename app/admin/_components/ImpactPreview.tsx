// The confirm step: the post exactly as customers will see it (the public page's own PostTimeline
// and Timestamp) and the diff of what changes for them, with the guardrail warnings. Posts and
// maintenance alike; a maintenance shows its window, and a change in a window says when.
import { PostTimeline } from "@/components/public/PostTimeline";
import { Timestamp } from "@/components/public/Timestamp";
import { STATE_LABEL } from "@/lib/text/labels";
import { formatUtc } from "@/lib/text/format-time";
import type { ChangeWindow, ComponentChange, Impact } from "@/lib/incidents/impact";

/** "from Nov 25, 2026 02:00 UTC to 04:00 UTC" (the end's date only when it differs). */
export function describeWindow({ start, end }: ChangeWindow): string {
  const sameDay = start.toISOString().slice(0, 10) === end.toISOString().slice(0, 10);
  return `from ${formatUtc(start)} to ${sameDay ? `${end.toISOString().slice(11, 16)} UTC` : formatUtc(end)}`;
}

function describeChange(change: ComponentChange): string {
  if (change.before === change.after) return "unchanged";
  const states = `${STATE_LABEL[change.before]} → ${STATE_LABEL[change.after]}`;
  return change.window ? `${states} ${describeWindow(change.window)}` : states;
}

export function ImpactPreview({ impact, now }: { impact: Impact; now: Date }) {
  const { post } = impact;
  const publicPost = {
    id: 0,
    type: post.type,
    body: post.body,
    postedAt: post.postedAt,
    createdAt: now,
    updatedAt: now,
    statuspagePhase: null,
    stateChanges: [],
    edited: false,
  };
  return (
    // Named by aria-label, not an id: two forms on one page (extend, cancel) may both show a preview.
    <section aria-label="Preview: what customers will see" data-preview="" className="space-y-4 rounded border-2 border-zinc-900 p-4 dark:border-zinc-100">
      <h2 className="text-xl font-bold">Preview: what customers will see</h2>
      {post.title && <p className="text-lg font-semibold">{post.title}</p>}
      {post.window && (
        <p className="text-sm" data-preview-window="">
          Window: <Timestamp date={post.window.start} now={now} /> to <Timestamp date={post.window.end} now={now} relative={false} />
        </p>
      )}
      <PostTimeline posts={[publicPost]} now={now} />
      <h3 className="font-semibold">What changes</h3>
      <ul className="list-disc space-y-1 pl-6" data-impact="">
        {impact.changes.map((change) => (
          <li key={change.componentId} data-change={change.name} data-after={change.after}>
            <strong>{change.name}</strong>: {describeChange(change)}
          </li>
        ))}
        {impact.announcements.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {impact.warnings.length > 0 && (
        <div role="alert" className="space-y-2 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <h3 className="font-semibold">Check before publishing</h3>
          <ul className="list-disc pl-6">
            {impact.warnings.map((warning) => (
              <li key={warning.code} data-warning={warning.code}>
                {warning.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
