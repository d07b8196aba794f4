import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostBody } from "@/components/public/PostBody";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { publicTextOf } from "@/lib/incidents/postmortems";
import { type AdminPostmortem, isOverdue, loadPostmortemForAdmin } from "@/lib/postmortems/queries";
import { canPublish } from "@/lib/postmortems/states";
import { SECTION_PROMPTS } from "@/lib/postmortems/template";
import { POSTMORTEM_STATE_LABEL } from "@/lib/postmortems/types";
import { formatUtc } from "@/lib/text/format-time";
import { AdminForm, type FieldSpec } from "../../../_components/AdminForm";
import { AdminSection } from "../../../_components/AdminSection";
import { addActionItemAction, movePostmortemAction, publishPostmortemAction, savePostmortemAction, startPostmortemAction } from "./actions";

export const metadata: Metadata = { title: "Postmortem" };

const SECTIONS = [
  ["summary", "Summary"],
  ["impact", "Impact"],
  ["contributingFactors", "Contributing factors"],
  ["wentWell", "What went well"],
  ["internalNotes", "Internal notes (never published)"],
] as const;

const SOURCE_LABEL = { public_post: "public post", internal_event: "internal", manual: "written by hand" } as const;

function draftFields(postmortem: AdminPostmortem, incidentNumber: number): FieldSpec[] {
  return [
    { kind: "hidden", name: "incidentNumber", value: String(incidentNumber) },
    ...SECTIONS.map(([name, label]): FieldSpec => ({ kind: "textarea", name, label, value: postmortem[name], hint: SECTION_PROMPTS[name] })),
    {
      kind: "checkboxes",
      name: "keep",
      label: "Timeline: the lines to keep",
      options: postmortem.lines.map((line) => [String(line.id), `${formatUtc(line.at)} (${SOURCE_LABEL[line.source]}): ${line.text}`] as const),
      checked: postmortem.lines.filter((line) => line.kept).map((line) => String(line.id)),
    },
    { kind: "datetime-local", name: "newLineAt", label: "Add a line: when (UTC)" },
    { kind: "text", name: "newLineText", label: "Add a line: what happened" },
  ];
}

function StateButton({ incidentNumber, to, label }: { incidentNumber: number; to: "draft" | "in_review"; label: string }) {
  return (
    <form action={movePostmortemAction}>
      <input type="hidden" name="incidentNumber" value={incidentNumber} />
      <input type="hidden" name="to" value={to} />
      <button type="submit" className="rounded border border-zinc-500 px-3 py-1">
        {label}
      </button>
    </form>
  );
}

function ReadOnly({ postmortem }: { postmortem: AdminPostmortem }) {
  return (
    <>
      {SECTIONS.map(([name, label]) => (
        <div key={name}>
          <h3 className="font-semibold">{label}</h3>
          <PostBody markdown={postmortem[name] || "_(empty)_"} />
        </div>
      ))}
      <h3 className="font-semibold">Timeline</h3>
      <ul className="list-disc pl-6">
        {postmortem.lines.map((line) => (
          <li key={line.id} className={line.kept ? "" : "line-through"}>
            {formatUtc(line.at)} ({SOURCE_LABEL[line.source]}
            {line.kept ? "" : ", dropped"}): {line.text}
          </li>
        ))}
      </ul>
    </>
  );
}

export default async function PostmortemAdminPage({ params, searchParams }: PageProps<"/admin/incidents/[number]/postmortem">) {
  const actor = await requireRole("viewer");
  const number = Number((await params).number);
  if (!Number.isInteger(number) || number <= 0) notFound();
  const incident = await db().incident.findFirst({ where: { number, deletedAt: null }, select: { number: true, title: true } });
  if (!incident) notFound();
  const postmortem = await loadPostmortemForAdmin(db(), number);
  const canWrite = hasRole(actor.role, "commander");
  const published = (await searchParams).published !== undefined;
  const now = new Date();

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">
          Postmortem of #{incident.number} {incident.title}
        </h1>
        <p className="text-sm">
          <a href={`/admin/incidents/${number}`} className="underline">
            Back to the incident
          </a>
          {postmortem && (
            <>
              {" "}
              · State: <strong data-postmortem-state={postmortem.state}>{POSTMORTEM_STATE_LABEL[postmortem.state]}</strong>
            </>
          )}
        </p>
      </div>
      {published && (
        <p role="status" data-notice="" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100">
          Published. Customers read it at{" "}
          <a href={`/incidents/${number}/postmortem`} className="underline">
            /incidents/{number}/postmortem
          </a>
          .
        </p>
      )}
      {!postmortem ? (
        <AdminSection id="no-postmortem" title="No postmortem yet">
          <p>The template fills in the impact from the timeline and the timeline from the public posts and internal events.</p>
          {canWrite && (
            <form action={startPostmortemAction}>
              <input type="hidden" name="incidentNumber" value={number} />
              <button type="submit" className="rounded bg-zinc-900 px-4 py-2 font-semibold text-white dark:bg-zinc-100 dark:text-zinc-900">
                Draft the postmortem from the template
              </button>
            </form>
          )}
        </AdminSection>
      ) : (
        <>
          {postmortem.publishedAt && (
            <p data-published-at="">
              Published {formatUtc(postmortem.publishedAt)} by {postmortem.publishedByLabel}.{" "}
              {postmortem.publishedBody !== publicTextOf(postmortem) && <strong>The draft has edits customers do not see until you publish again.</strong>}
            </p>
          )}
          <AdminSection id="postmortem-draft" title="Draft">
            {canWrite ? (
              <AdminForm action={savePostmortemAction} fields={draftFields(postmortem, number)} submitLabel="Save draft" />
            ) : (
              <ReadOnly postmortem={postmortem} />
            )}
          </AdminSection>
          <ActionItems postmortem={postmortem} number={number} canWrite={canWrite} now={now} />
          {canWrite && (
            <AdminSection id="postmortem-review" title="Review and publish">
              {postmortem.state === "draft" && <StateButton incidentNumber={number} to="in_review" label="Send to review" />}
              {postmortem.state === "in_review" && <StateButton incidentNumber={number} to="draft" label="Back to draft" />}
              {canPublish(postmortem.state) ? (
                <AdminForm
                  action={publishPostmortemAction}
                  fields={[{ kind: "hidden", name: "incidentNumber", value: String(number) }]}
                  submitLabel="Preview"
                  confirmLabel="Publish postmortem"
                />
              ) : (
                <p>Publishing comes after review: send the draft to review first.</p>
              )}
            </AdminSection>
          )}
        </>
      )}
    </div>
  );
}

function ActionItems({ postmortem, number, canWrite, now }: { postmortem: AdminPostmortem; number: number; canWrite: boolean; now: Date }) {
  return (
    <AdminSection id="postmortem-action-items" title="Action items">
      <ul className="space-y-2">
        {postmortem.actionItems.map((item) => (
          <li key={item.id} data-action-item={item.status} data-overdue={isOverdue(item, now) ? "" : undefined}>
            <strong>{item.title}</strong> · {item.owner || "no owner"} · {item.dueAt ? `due ${item.dueAt.toISOString().slice(0, 10)}` : "no due date"} ·{" "}
            {item.status === "done" ? "done" : isOverdue(item, now) ? "overdue" : "open"}
            {item.url && (
              <>
                {" "}
                ·{" "}
                <a href={item.url} className="underline" rel="noreferrer">
                  {new URL(item.url).host}
                </a>
              </>
            )}
          </li>
        ))}
        {postmortem.actionItems.length === 0 && <li>None yet.</li>}
      </ul>
      {canWrite && (
        <AdminForm
          action={addActionItemAction}
          idPrefix="item-"
          fields={[
            { kind: "hidden", name: "incidentNumber", value: String(number) },
            { kind: "text", name: "title", label: "New action item", hint: "A change to the system, e.g. “Merge config and deploy into one step”." },
            { kind: "text", name: "owner", label: "Owner" },
            { kind: "text", name: "dueAt", label: "Due (YYYY-MM-DD)" },
            { kind: "text", name: "url", label: "Link (ticket, pull request)" },
          ]}
          submitLabel="Add action item"
        />
      )}
    </AdminSection>
  );
}
