// The postmortem's confirm step: the text exactly as customers will read it (the public page's own
// PostBody), what it replaces, and every place it appears once published.
import { PostBody } from "@/components/public/PostBody";
import type { PostmortemPreview as Preview } from "@/lib/incidents/postmortems";

export function PostmortemPreview({ incidentNumber, title, preview, webhooks }: { incidentNumber: number; title: string; preview: Preview; webhooks: number }) {
  return (
    <section aria-label="Preview: what customers will see" data-preview="" className="space-y-4 rounded border-2 border-zinc-900 p-4 dark:border-zinc-100">
      <h2 className="text-xl font-bold">Preview: what customers will see</h2>
      <p className="text-lg font-semibold">Postmortem: {title}</p>
      <div data-preview-text="">
        <PostBody markdown={preview.text} />
      </div>
      <h3 className="font-semibold">Where it appears</h3>
      <ul className="list-disc space-y-1 pl-6" data-where="">
        <li>
          Its own page, <code>/incidents/{incidentNumber}/postmortem</code>, linked from the incident's page
        </li>
        <li>The RSS, Atom and JSON feeds, as an entry of its own</li>
        <li>
          <code>postmortem_body</code> of the incident in the Statuspage API (<code>/api/v2/incidents.json</code>)
        </li>
        <li>
          {webhooks === 1 ? "1 webhook endpoint" : `${webhooks} webhook endpoints`} (<code>postmortem.published</code>)
        </li>
      </ul>
      {preview.replaces !== null && (
        <p role="note" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          This replaces the text customers read now{preview.replaces === preview.text ? " (which is the same)" : ""}.
        </p>
      )}
      <p className="text-sm">The internal notes are not part of it.</p>
    </section>
  );
}
