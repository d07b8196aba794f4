// Mail subscribers: counts, search by address, each one's components, language and consent, removal (admins,
// after a confirmation step that needs no JavaScript) and the CSV export. Viewers read.
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { LANGUAGE_NAMES } from "@/lib/i18n";
import { loadEnv } from "@/lib/runtime/env";
import { listSubscribers, SUBSCRIBER_PAGE_SIZE, type SubscriberListing, subscriberCounts } from "@/lib/subscriptions/admin";
import { formatUtc } from "@/lib/text/format-time";
import { AdminTable } from "../_components/AdminTable";
import { BUTTON_CLASS, INPUT_CLASS } from "../_components/Field";
import { removeSubscriberAction } from "./actions";
import { MailDeliveries } from "./MailDeliveries";

export const metadata: Metadata = { title: "Subscribers" };

const COLUMNS = ["Address", "Status", "Components", "Language", "Consent (UTC, IP)", "Confirmed (UTC, IP)", "Remove"];

function MailNotConfigured() {
  return (
    <section aria-labelledby="mail-off" className="rounded border border-amber-600 p-3">
      <h2 id="mail-off" className="font-semibold">
        Mail is not configured
      </h2>
      <p>
        Nobody can subscribe until Beacon can send mail. Set <code>BEACON_SMTP_URL</code> (<code>smtp://user:pass@host:587</code> or{" "}
        <code>smtps://user:pass@host:465</code>) and <code>BEACON_MAIL_FROM</code> (<code>Example status &lt;status@example.com&gt;</code>), then restart
        Beacon. To try the flow on one machine, <code>BEACON_SMTP_URL=file:data/mail</code> writes each mail as an <code>.eml</code> file instead.
      </p>
    </section>
  );
}

export default async function SubscribersPage({ searchParams }: PageProps<"/admin/subscribers">) {
  const actor = await requireRole("viewer");
  const params = await searchParams;
  const search = typeof params.q === "string" ? params.q.slice(0, 254) : "";
  const removing = typeof params.remove === "string" ? Number(params.remove) : null;
  const [counts, subscribers] = await Promise.all([subscriberCounts(db()), listSubscribers(db(), search)]);
  const canRemove = hasRole(actor.role, "admin");
  const row = (subscriber: SubscriberListing) => (
    <tr key={subscriber.id} data-subscriber={subscriber.email} className="border-t border-zinc-300 align-top dark:border-zinc-700">
      <td className="break-all pr-2">{subscriber.email}</td>
      <td className="pr-2">
        {subscriber.status}
        {subscriber.paused ? ", paused" : ""}
        {subscriber.maintenance ? ", maintenance too" : ""}
      </td>
      <td className="pr-2">{subscriber.components}</td>
      <td className="pr-2" data-locale={subscriber.locale}>
        {LANGUAGE_NAMES[subscriber.locale]}
      </td>
      <td className="pr-2">
        {formatUtc(subscriber.consentedAt)}, {subscriber.consentIp || "unknown"}
      </td>
      <td className="pr-2">{subscriber.confirmedAt ? `${formatUtc(subscriber.confirmedAt)}, ${subscriber.confirmIp || "unknown"}` : "—"}</td>
      <td>
        {canRemove && removing === subscriber.id ? (
          <form action={removeSubscriberAction} className="space-y-1">
            <input type="hidden" name="subscriberId" value={subscriber.id} />
            <button type="submit" className="text-red-800 underline dark:text-red-300">
              Yes, remove {subscriber.email}
            </button>{" "}
            <a href="/admin/subscribers" className="underline">
              Cancel
            </a>
          </form>
        ) : canRemove ? (
          <a href={`/admin/subscribers?remove=${subscriber.id}`} className="underline">
            Remove<span className="sr-only"> {subscriber.email}</span>
          </a>
        ) : null}
      </td>
    </tr>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Subscribers</h1>
      {loadEnv().mail === null && <MailNotConfigured />}
      <dl className="flex flex-wrap gap-6" data-subscriber-counts="">
        {(["confirmed", "pending", "unsubscribed", "paused"] as const).map((name) => (
          <div key={name}>
            <dt className="text-sm capitalize">{name}</dt>
            <dd className="text-2xl font-bold" data-count={name}>
              {counts[name]}
            </dd>
          </div>
        ))}
      </dl>
      <form method="get" action="/admin/subscribers" className="flex flex-wrap items-end gap-2">
        <span className="flex flex-col">
          <label htmlFor="q">Search by address</label>
          <input id="q" name="q" type="search" defaultValue={search} className={INPUT_CLASS} />
        </span>
        <button type="submit" className={BUTTON_CLASS}>
          Search
        </button>
        <a href="/admin/subscribers/csv" className="underline">
          Export all as CSV
        </a>
      </form>
      <AdminTable
        caption={`Subscribers, newest first (at most ${SUBSCRIBER_PAGE_SIZE})`}
        columns={COLUMNS}
        rows={subscribers}
        empty={search ? "No subscriber matches this address." : "No subscribers yet."}
        renderRow={row}
      />
      {loadEnv().mail !== null && <MailDeliveries actor={actor} />}
    </div>
  );
}
