// The confirm step: the post exactly as customers will see it (the public page's own PostTimeline)
// and the diff of what changes for them, with the guardrail warnings.
import { PostTimeline } from "@/components/public/PostTimeline";
import { STATE_LABEL } from "@/components/public/state-labels";
import type { Impact } from "@/lib/incidents/impact";
import type { PostType } from "@/lib/timeline/types";

export interface PreviewPost {
  title?: string;
  type: PostType;
  body: string;
  postedAt: Date;
}

export function ImpactPreview({ impact, post, now }: { impact: Impact; post: PreviewPost; now: Date }) {
  const publicPost = { id: 0, type: post.type, body: post.body, postedAt: post.postedAt, createdAt: now, stateChanges: [], edited: false };
  return (
    <section aria-labelledby="preview-heading" data-preview="" className="space-y-4 rounded border-2 border-zinc-900 p-4 dark:border-zinc-100">
      <h2 id="preview-heading" className="text-xl font-bold">
        Preview: what customers will see
      </h2>
      {post.title && <p className="text-lg font-semibold">{post.title}</p>}
      <PostTimeline posts={[publicPost]} now={now} />
      <h3 className="font-semibold">What changes</h3>
      <ul className="list-disc space-y-1 pl-6" data-impact="">
        {impact.changes.map((change) => (
          <li key={change.componentId} data-change={change.name} data-after={change.after}>
            <strong>{change.name}</strong>:{" "}
            {change.before === change.after ? "unchanged" : `${STATE_LABEL[change.before]} → ${STATE_LABEL[change.after]}`}
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
