// The "Private page" section of /admin/settings: whether the whole public side needs a way in, the
// ways (shared password, mail domains, IP ranges), and how many readers are signed in.
import { accessOverview } from "@/lib/access/admin";
import { db } from "@/lib/db/client";
import { AdminForm } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { updateAccessAction } from "./access-actions";

export async function PrivateAccess() {
  const { config, sessions, feedTokens, mailConfigured } = await accessOverview(db(), new Date());
  return (
    <AdminSection id="private-page-heading" title="Private page">
      <p>
        While private, every public page, feed, badge, calendar, API, embed and the outage snapshot needs a way in; pages send readers to{" "}
        <a href="/access">/access</a>, and nothing is cached by browsers&apos; shared caches or CDNs.{" "}
        <strong data-testid="access-state">{config.private ? "Now: private." : "Now: public."}</strong>
      </p>
      <p data-testid="access-counts">
        Reader sessions: {sessions}. Feed tokens shown: {feedTokens}. Password: {config.passwordSet ? "set" : "not set"}.
      </p>
      <AdminForm
        action={updateAccessAction}
        submitLabel="Save private page"
        idPrefix="access-"
        fields={[
          { kind: "checkbox", name: "private", label: "Only readers with a way in may see the public side", checked: config.private },
          {
            kind: "password",
            name: "password",
            label: config.passwordSet ? "New shared password (empty: keep the current one)" : "Shared password",
            hint: "At least 10 characters. A new password signs every reader out.",
          },
          { kind: "checkbox", name: "removePassword", label: "Remove the shared password", checked: false },
          {
            kind: "textarea",
            name: "emailDomains",
            label: "Email domains that may ask for a sign-in link",
            value: config.emailDomains.join("\n"),
            hint: mailConfigured ? "One a line, e.g. example.com (its subdomains too)." : "Needs mail (BEACON_SMTP_URL): until then these domains get no link.",
          },
          {
            kind: "textarea",
            name: "ipRanges",
            label: "IP ranges that need no sign-in",
            value: config.ipRanges.join("\n"),
            hint: "One a line: 10.0.0.0/8, 2001:db8::/32 or a single address. Behind a proxy, list it in BEACON_TRUSTED_PROXIES.",
          },
          { kind: "checkbox", name: "rotateFeedTokens", label: "Rotate feed tokens (every reader's feed address stops working)", checked: false },
        ]}
      />
    </AdminSection>
  );
}
