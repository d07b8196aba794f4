// The public subscription pages (issue 14) as entries of the endpoint table, with their reads and
// pure renderers. The form page is shared by everyone and cached like any page; the confirm,
// manage and unsubscribe pages carry a personal token, so they are made per request (`cache:
// "none"`, Cache-Control: no-store) and never enter the snapshot. Forms POST to
// lib/public/subscription-forms.ts, which renders its answers with these same functions.
import * as z from "zod";
import { type ChoiceValues, ManageForm, OneButtonForm, SubscribeForm, SubscriptionNotice, type SystemChoice } from "@/components/public/SubscriptionForms";
import { db } from "@/lib/db/client";
import { ENGLISH, type I18n, type MessageKey } from "@/lib/i18n";
import type { MessageValues } from "@/lib/i18n/messages";
import type { AnyEndpoint, Endpoint } from "@/lib/public/endpoints";
import { readComponents } from "@/lib/public/read";
import type { PageContext } from "@/lib/public/form-requests";
import { page } from "@/lib/public/pages";
import type { Rendered, RenderContext } from "@/lib/public/rendered";
import { loadEnv } from "@/lib/runtime/env";
import { linkToken } from "@/lib/subscriptions/links";
import { findSubscriberByTokenHash, type SubscriberRecord } from "@/lib/subscriptions/store";
import { subscriberByLink } from "@/lib/subscriptions/subscribe";
import { hashConfirmToken } from "@/lib/subscriptions/tokens";
import type { FieldMessages } from "@/lib/subscriptions/validation";
import type { PublicComponent } from "@/lib/timeline/types";

/** The endpoint table's context, with the page's language always set. */
const pageOf = (ctx: Pick<RenderContext, "baseUrl" | "i18n" | "brand">): PageContext => ({ baseUrl: ctx.baseUrl, i18n: ctx.i18n ?? ENGLISH, brand: ctx.brand });

/** A subscription page, titled with the page's name like every public page. */
export function subscriptionPage(status: number, title: string, path: string, ctx: PageContext, body: React.ReactNode): Rendered {
  return page(status, { title, description: title, path, faviconState: null }, ctx, body);
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
  form: { status: number; email: string; values: ChoiceValues; errors: FieldMessages },
): Rendered {
  if (!mailConfigured()) return notice(404, "subscribe.notAvailable", "subscribe.notAvailableText", ctx);
  return subscriptionPage(
    form.status,
    ctx.i18n.t("site.subscribe"),
    "/subscribe",
    ctx,
    <SubscribeForm systems={systems} email={form.email} values={form.values} errors={form.errors} i18n={ctx.i18n} />,
  );
}

/** An outcome page: a title and a message from the catalog (`values` fill its placeholders). */
export function notice(
  status: number,
  title: MessageKey,
  message: MessageKey,
  ctx: PageContext,
  path = "/subscribe",
  extra?: React.ReactNode,
  values?: MessageValues,
): Rendered {
  const heading = ctx.i18n.t(title);
  return subscriptionPage(
    status,
    heading,
    path,
    ctx,
    <SubscriptionNotice title={heading} message={ctx.i18n.t(message, values)} i18n={ctx.i18n}>
      {extra}
    </SubscriptionNotice>,
  );
}

export const badLinkPage = (ctx: PageContext, path: string) =>
  notice(404, "subscribe.badLink", "subscribe.badLinkText", ctx, path, <SubscribeAgain i18n={ctx.i18n} />);

export const expiredLinkPage = (ctx: PageContext, extra?: React.ReactNode) =>
  notice(410, "subscribe.expired", "subscribe.expiredText", ctx, "/subscribe/confirm", extra);

export const unsubscribedPage = (ctx: PageContext, path: string, extra?: React.ReactNode) =>
  notice(200, "subscribe.unsubscribed", "subscribe.unsubscribedText", ctx, path, extra);

const SubscribeAgain = ({ i18n }: { i18n: I18n }) => (
  <p>
    <a className="underline" href={i18n.href("/subscribe")}>
      {i18n.t("subscribe.again")}
    </a>
  </p>
);

export function managePage(
  subscriber: SubscriberRecord,
  systems: SystemChoice[],
  ctx: PageContext,
  form: { status: number; values?: ChoiceValues; errors: FieldMessages; saved: boolean },
): Rendered {
  if (subscriber.status === "unsubscribed") return unsubscribedPage(ctx, "/subscribe/manage", <SubscribeAgain i18n={ctx.i18n} />);
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
    locale: subscriber.locale,
  };
  return subscriptionPage(
    form.status,
    ctx.i18n.t("subscribe.manageTitle"),
    "/subscribe/manage",
    ctx,
    <ManageForm systems={systems} view={view} values={values} errors={form.errors} i18n={ctx.i18n} />,
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
    render: (systems, ctx) => subscribeFormPage(systems, pageOf(ctx), { status: 200, email: "", values: NO_CHOICES, errors: {} }),
  }),
  endpoint({
    path: "/subscribe/sent",
    kind: "page",
    snapshot: "skip",
    read: async () => null,
    render: (_data, ctx) => notice(200, "subscribe.sent", "subscribe.sentText", pageOf(ctx), "/subscribe/sent"),
  }),
  endpoint({
    path: "/subscribe/confirm",
    kind: "page",
    snapshot: "skip",
    cache: "none",
    query: tokenQuery,
    read: ({ query, now }) => readConfirmation(query.token, now),
    render: (data, ctx) => {
      const page = pageOf(ctx);
      if (data.state === "expired") return expiredLinkPage(page, <SubscribeAgain i18n={page.i18n} />);
      if (data.state === "unknown") return badLinkPage(page, "/subscribe/confirm");
      const button = <OneButtonForm action={page.i18n.href("/subscribe/confirm")} token={ctx.query.token} label={page.i18n.t("subscribe.confirmButton")} />;
      return notice(200, "subscribe.confirmTitle", "subscribe.confirmQuestion", page, "/subscribe/confirm", button, { email: data.email });
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
      subscriber
        ? managePage(subscriber, systems, pageOf(ctx), { status: 200, errors: {}, saved: ctx.query.saved === "1" })
        : badLinkPage(pageOf(ctx), "/subscribe/manage"),
  }),
  endpoint({
    path: "/unsubscribe",
    kind: "page",
    snapshot: "skip",
    cache: "none",
    query: tokenQuery,
    read: ({ query }) => (query.token ? subscriberByLink(db(), "unsubscribe", query.token) : Promise.resolve(null)),
    render: (subscriber, ctx) => {
      const page = pageOf(ctx);
      if (!subscriber) return badLinkPage(page, "/unsubscribe");
      if (subscriber.status === "unsubscribed") return unsubscribedPage(page, "/unsubscribe", <SubscribeAgain i18n={page.i18n} />);
      const button = <OneButtonForm action={page.i18n.href("/unsubscribe")} token={ctx.query.token} label={page.i18n.t("subscribe.unsubscribe")} />;
      return notice(200, "subscribe.unsubscribe", "subscribe.unsubscribeQuestion", page, "/unsubscribe", button, { email: subscriber.email });
    },
  }),
];
