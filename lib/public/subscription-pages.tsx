// The public subscription pages (issue 14) as entries of the endpoint table, with their reads and
// pure renderers. The form page is shared by everyone and cached like any page; the confirm,
// manage and unsubscribe pages carry a personal token, so they are made per request (`cache:
// "none"`, Cache-Control: no-store) and never enter the snapshot. Forms POST to
// lib/public/subscription-forms.ts, which renders its answers with these same functions.
import * as z from "zod";
import { type ChoiceValues, ManageForm, OneButtonForm, SubscribeForm, SubscriptionNotice, type SystemChoice } from "@/components/public/SubscriptionForms";
import { db } from "@/lib/db/client";
import { ENGLISH } from "@/lib/i18n";
import type { AnyEndpoint, Endpoint } from "@/lib/public/endpoints";
import { readComponents } from "@/lib/public/read";
import { renderDocument } from "@/lib/public/render";
import { CONTENT_TYPES, type Rendered, type RenderContext } from "@/lib/public/rendered";
import { loadEnv } from "@/lib/runtime/env";
import { linkToken } from "@/lib/subscriptions/links";
import { findSubscriberByTokenHash, type SubscriberRecord } from "@/lib/subscriptions/store";
import { subscriberByLink } from "@/lib/subscriptions/subscribe";
import { hashConfirmToken } from "@/lib/subscriptions/tokens";
import type { PublicComponent } from "@/lib/timeline/types";

type PageContext = Pick<RenderContext, "baseUrl" | "i18n">;

export function subscriptionPage(status: number, title: string, path: string, ctx: PageContext, body: React.ReactNode): Rendered {
  const meta = { title: `${title} · Beacon status`, description: title, path, faviconState: null };
  return { status, body: renderDocument(meta, ctx.baseUrl, body, ctx.i18n ?? ENGLISH), contentType: CONTENT_TYPES.html };
}

/** The systems and their sub-components the public page shows, in its order. */
export function systemChoices(components: readonly PublicComponent[]): SystemChoice[] {
  const shown = components.filter((component) => !component.hidden).sort((a, b) => a.position - b.position);
  return shown
    .filter((component) => component.parentId === null)
    .map((system) => ({
      id: system.id,
      name: system.name,
      children: shown.filter((child) => child.parentId === system.id).map((child) => ({ id: child.id, name: child.name })),
    }));
}

const NO_CHOICES: ChoiceValues = { scope: "all", componentIds: [], maintenance: false };

export const mailConfigured = (): boolean => loadEnv().mail !== null;

export function subscribeFormPage(
  systems: SystemChoice[],
  ctx: PageContext,
  form: { status: number; email: string; values: ChoiceValues; errors: Record<string, string> },
): Rendered {
  if (!mailConfigured()) return notAvailable(ctx);
  return subscriptionPage(
    form.status,
    "Subscribe to updates",
    "/subscribe",
    ctx,
    <SubscribeForm systems={systems} email={form.email} values={form.values} errors={form.errors} />,
  );
}

const notAvailable = (ctx: PageContext) =>
  subscriptionPage(
    404,
    "Subscribing is not available",
    "/subscribe",
    ctx,
    <SubscriptionNotice title="Subscribing is not available" message="This status page does not send mail. Follow it by RSS, Atom or JSON Feed instead." />,
  );

export const notice = (status: number, title: string, message: string, ctx: PageContext, path = "/subscribe", extra?: React.ReactNode) =>
  subscriptionPage(
    status,
    title,
    path,
    ctx,
    <SubscriptionNotice title={title} message={message}>
      {extra}
    </SubscriptionNotice>,
  );

export const badLinkPage = (ctx: PageContext, path: string) =>
  notice(
    404,
    "This link is not valid",
    "The link is not valid, or it has been replaced by a newer one. Nothing was changed. Use the link in the latest mail, or subscribe again.",
    ctx,
    path,
    <SubscribeAgain />,
  );

const SubscribeAgain = () => (
  <p>
    <a className="underline" href="/subscribe">
      Subscribe again
    </a>
  </p>
);

export function managePage(
  subscriber: SubscriberRecord,
  systems: SystemChoice[],
  ctx: PageContext,
  form: { status: number; values?: ChoiceValues; errors: Record<string, string>; saved: boolean },
): Rendered {
  if (subscriber.status === "unsubscribed")
    return notice(200, "You are unsubscribed", "This address receives no more mail from this status page.", ctx, "/subscribe/manage", <SubscribeAgain />);
  const values = form.values ?? {
    scope: subscriber.allComponents ? "all" : "some",
    componentIds: subscriber.componentIds,
    maintenance: subscriber.maintenance,
  };
  const view = {
    email: subscriber.email,
    pending: subscriber.status === "pending",
    paused: subscriber.paused,
    manageToken: linkToken("manage", subscriber),
    unsubscribeToken: linkToken("unsubscribe", subscriber),
    saved: form.saved,
  };
  return subscriptionPage(
    form.status,
    "Your subscription",
    "/subscribe/manage",
    ctx,
    <ManageForm systems={systems} view={view} values={values} errors={form.errors} />,
  );
}

// ── Endpoint entries ────────────────────────────────────────────────────────────────────────────

const endpoint = <Params, Query, Data>(definition: Endpoint<Params, Query, Data>): AnyEndpoint => definition;
const tokenQuery = z.object({ token: z.string().max(200).default("") });
const readSystems = async () => systemChoices(await readComponents());

async function readConfirmation(token: string, now: Date) {
  const subscriber = token ? await findSubscriberByTokenHash(db(), hashConfirmToken(token)) : null;
  if (subscriber?.status !== "pending") return { state: "unknown" as const };
  return subscriber.confirmExpiresAt && subscriber.confirmExpiresAt > now
    ? { state: "valid" as const, email: subscriber.email }
    : { state: "expired" as const };
}

export const SUBSCRIPTION_ENDPOINTS: AnyEndpoint[] = [
  endpoint({
    path: "/subscribe",
    kind: "page",
    snapshot: "skip",
    read: readSystems,
    render: (systems, ctx) => subscribeFormPage(systems, ctx, { status: 200, email: "", values: NO_CHOICES, errors: {} }),
  }),
  endpoint({
    path: "/subscribe/sent",
    kind: "page",
    snapshot: "skip",
    read: async () => null,
    render: (_data, ctx) =>
      notice(
        200,
        "Check your mail",
        "If this address can receive mail, a confirmation is on its way. Follow its link within 48 hours to start receiving updates.",
        ctx,
        "/subscribe/sent",
      ),
  }),
  endpoint({
    path: "/subscribe/confirm",
    kind: "page",
    snapshot: "skip",
    cache: "none",
    query: tokenQuery,
    read: ({ query, now }) => readConfirmation(query.token, now),
    render: (data, ctx) => {
      if (data.state === "expired")
        return notice(
          410,
          "This link has expired",
          "Confirmation links work for 48 hours. Nothing was changed; subscribe again for a new link.",
          ctx,
          "/subscribe/confirm",
          <SubscribeAgain />,
        );
      if (data.state === "unknown") return badLinkPage(ctx, "/subscribe/confirm");
      return notice(
        200,
        "Confirm your subscription",
        `Start sending status updates to ${data.email}?`,
        ctx,
        "/subscribe/confirm",
        <OneButtonForm action="/subscribe/confirm" token={ctx.query.token} label="Confirm subscription" />,
      );
    },
  }),
  endpoint({
    path: "/subscribe/manage",
    kind: "page",
    snapshot: "skip",
    cache: "none",
    query: tokenQuery.extend({ saved: z.enum(["1"]).optional() }),
    read: async ({ query }) => {
      const [systems, subscriber] = await Promise.all([readSystems(), query.token ? subscriberByLink(db(), "manage", query.token) : null]);
      return { systems, subscriber };
    },
    render: ({ systems, subscriber }, ctx) =>
      subscriber ? managePage(subscriber, systems, ctx, { status: 200, errors: {}, saved: ctx.query.saved === "1" }) : badLinkPage(ctx, "/subscribe/manage"),
  }),
  endpoint({
    path: "/unsubscribe",
    kind: "page",
    snapshot: "skip",
    cache: "none",
    query: tokenQuery,
    read: ({ query }) => (query.token ? subscriberByLink(db(), "unsubscribe", query.token) : Promise.resolve(null)),
    render: (subscriber, ctx) => {
      if (!subscriber) return badLinkPage(ctx, "/unsubscribe");
      if (subscriber.status === "unsubscribed")
        return notice(200, "You are unsubscribed", "This address receives no more mail from this status page.", ctx, "/unsubscribe", <SubscribeAgain />);
      return notice(
        200,
        "Unsubscribe",
        `Stop sending status updates to ${subscriber.email}?`,
        ctx,
        "/unsubscribe",
        <OneButtonForm action="/unsubscribe" token={ctx.query.token} label="Unsubscribe" />,
      );
    },
  }),
];
