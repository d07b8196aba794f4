// The mail section of /admin/subscribers: the newest deliveries (sent, retrying with the next try's
// time, failed with the last error), what is still queued, and the admin's "send a test mail".
import { hasRole, type Actor } from "@/lib/auth/roles";
import { loadBrand } from "@/lib/branding/settings";
import { db } from "@/lib/db/client";
import { loadMailLog, MAIL_LOG_SIZE, type MailLogRow, mailBacklog } from "@/lib/mail/admin";
import { MAX_ATTEMPTS } from "@/lib/webhooks/backoff";
import { formatUtc } from "@/lib/text/format-time";
import { AdminForm } from "../_components/AdminForm";
import { AdminTable } from "../_components/AdminTable";
import { sendTestMailAction } from "./mail-actions";

const COLUMNS = ["Address", "Mail", "State", "Tries", "Last error"];

function state(row: MailLogRow): string {
  if (row.status === "sent") return `sent ${row.sentAt ? formatUtc(row.sentAt) : ""}`;
  if (row.status === "failed") return "failed";
  if (row.attempts === 0) return "queued";
  return `retrying at ${formatUtc(row.nextAttemptAt)} (try ${row.attempts + 1} of ${MAX_ATTEMPTS})`;
}

export async function MailDeliveries({ actor }: { actor: Actor }) {
  const { name } = await loadBrand(db());
  const [log, backlog] = await Promise.all([loadMailLog(db(), name), mailBacklog(db())]);
  return (
    <section aria-labelledby="mail-log" className="space-y-4">
      <h2 id="mail-log" className="text-xl font-semibold">
        Mail deliveries
      </h2>
      <p data-mail-backlog={backlog.deliveries}>
        {backlog.deliveries} mails waiting to be sent{backlog.jobs > 0 ? `, ${backlog.jobs} updates still being addressed to subscribers` : ""}.
      </p>
      <AdminTable
        caption={`Newest mails first (at most ${MAIL_LOG_SIZE})`}
        columns={COLUMNS}
        rows={log}
        empty="No mail sent yet."
        renderRow={(row) => (
          <tr key={row.id} data-mail-delivery={row.status} className="border-t border-zinc-300 align-top dark:border-zinc-700">
            <td className="break-all pr-2">{row.address}</td>
            <td className="pr-2">{row.subject}</td>
            <td className="pr-2">{state(row)}</td>
            <td className="pr-2">{row.attempts}</td>
            <td className="break-all">{row.lastError ?? "—"}</td>
          </tr>
        )}
      />
      {hasRole(actor.role, "admin") && (
        <div className="space-y-2">
          <h3 className="font-semibold">Send a test mail</h3>
          <AdminForm
            action={sendTestMailAction}
            idPrefix="test-mail-"
            fields={[{ kind: "email", name: "to", label: "Address", hint: "Sent now through BEACON_SMTP_URL; the answer says what the mail server did." }]}
            submitLabel="Send test mail"
          />
        </div>
      )}
    </section>
  );
}
