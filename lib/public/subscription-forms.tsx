// The public side's only POSTs: the subscription forms (the public server otherwise answers GET and
// HEAD only). One table of form routes; each reads a bounded urlencoded body, validates it with the
// shared schemas, calls one use-case of lib/subscriptions and answers with a public page (the same
// Document, CSP and headers as every public page, never cached) or a 303 to one. The language of
// the answer is the form page's (lib/public/form-requests.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIpOf } from "@/lib/auth/client-ip";
import { db } from "@/lib/db/client";
import { DEFAULT_BRAND } from "@/lib/branding/brand";
import { i18nFor } from "@/lib/i18n";
import { sendTransactionalMail } from "@/lib/mail/transport";
import { headersOf, readerGate, sendRefusal } from "@/lib/public/access-gate";
import { formPageOf, type PageContext, readFormBody } from "@/lib/public/form-requests";
import { prepare, send } from "@/lib/public/prepared";
import type { Rendered } from "@/lib/public/rendered";
import { readComponents } from "@/lib/public/read";
import {
  badLinkPage,
  expiredLinkPage,
  mailConfigured,
  managePage,
  notice,
  subscribeFormPage,
  systemChoices,
  unsubscribedPage,
} from "@/lib/public/subscription-pages";
import { inLanguage, manageUrl } from "@/lib/subscriptions/links";
import { confirmSubscription, saveManageForm, subscribe, subscriberByLink, unsubscribeByLink } from "@/lib/subscriptions/subscribe";
import {
  type FieldMessages,
  fieldMessages,
  formFields,
  HONEYPOT_FIELD,
  hasLineBreak,
  manageFormSchema,
  subscribeFormSchema,
  tokenFormSchema,
} from "@/lib/subscriptions/validation";

/** Far above any honest form (an address is at most 254 characters), far below anything costly. */
export const MAX_FORM_BYTES = 16 * 1024;
const FORM_TYPE = "application/x-www-form-urlencoded";

interface FormRequest {
  fields: Record<string, string | string[]>;
  query: URLSearchParams;
  ip: string;
  now: Date;
  /** The address and language the answer is written for. */
  page: PageContext;
}

type FormAnswer = Rendered | { redirect: string };
type FormRoute = (form: FormRequest) => Promise<FormAnswer>;

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
const LINE_BREAK: FieldMessages = { form: "subscribe.error.lineBreak" };

async function subscribeRoute({ fields, ip, now, page }: FormRequest): Promise<FormAnswer> {
  const systems = systemChoices(await readComponents());
  const again = (status: number, errors: FieldMessages) =>
    subscribeFormPage(systems, page, {
      status,
      email: hasLineBreak(fields) ? "" : text(fields.email).slice(0, 254),
      values: { scope: fields.scope === "some" ? "some" : "all", componentIds: [], maintenance: fields.maintenance === "on" },
      errors,
    });
  if (!mailConfigured())
    return subscribeFormPage(systems, page, { status: 404, email: "", values: { scope: "all", componentIds: [], maintenance: false }, errors: {} });
  if (hasLineBreak(fields)) return again(400, LINE_BREAK);
  // A bot filled the honeypot: the usual answer, and nothing stored or sent.
  if (text(fields[HONEYPOT_FIELD])) return { redirect: page.i18n.href("/subscribe/sent") };
  const form = subscribeFormSchema.safeParse(fields);
  if (!form.success) return again(400, fieldMessages(form.error));
  const outcome = await subscribe(db(), form.data, { ip, now, locale: page.i18n.locale, pageName: (page.brand ?? DEFAULT_BRAND).name }, sendTransactionalMail);
  if (outcome.kind === "invalid") return again(400, outcome.fields);
  if (outcome.kind === "throttled") {
    const rendered = notice(429, "subscribe.tooMany", "subscribe.tooManyText", page, "/subscribe", undefined, { minutes: Math.ceil(outcome.wait / 60_000) });
    return { ...rendered, headers: { "Retry-After": String(Math.ceil(outcome.wait / 1000)) } };
  }
  return { redirect: page.i18n.href("/subscribe/sent") };
}

async function confirmRoute({ fields, ip, now, page }: FormRequest): Promise<FormAnswer> {
  const form = tokenFormSchema.safeParse(fields);
  if (!form.success || hasLineBreak(fields)) return badLinkPage(page, "/subscribe/confirm");
  const outcome = await confirmSubscription(db(), form.data.token, { ip, now });
  if (outcome.kind === "expired") return expiredLinkPage(page);
  if (outcome.kind === "unknown") return badLinkPage(page, "/subscribe/confirm");
  const manage = (
    <p>
      <a className="underline" href={inLanguage(manageUrl(outcome.subscriber), page.i18n.locale)}>
        {page.i18n.t("subscribe.manageLink")}
      </a>
    </p>
  );
  return notice(200, "subscribe.subscribed", "subscribe.subscribedText", page, "/subscribe/confirm", manage, { email: outcome.subscriber.email });
}

async function manageRoute({ fields, page }: FormRequest): Promise<FormAnswer> {
  const form = manageFormSchema.safeParse(fields);
  const token = text(fields.token);
  if (!form.success || hasLineBreak(fields)) {
    const subscriber = hasLineBreak(fields) ? null : await subscriberByLink(db(), "manage", token);
    if (!subscriber) return badLinkPage(page, "/subscribe/manage");
    return managePage(subscriber, systemChoices(await readComponents()), page, {
      status: 400,
      errors: form.success ? LINE_BREAK : fieldMessages(form.error),
      saved: false,
    });
  }
  const outcome = await saveManageForm(db(), form.data);
  if (outcome.kind === "bad-link") return badLinkPage(page, "/subscribe/manage");
  if (outcome.kind === "invalid") {
    const subscriber = await subscriberByLink(db(), "manage", token);
    if (!subscriber) return badLinkPage(page, "/subscribe/manage");
    return managePage(subscriber, systemChoices(await readComponents()), page, { status: 400, errors: outcome.fields, saved: false });
  }
  // A subscriber who just chose another language sees the page in it.
  const shown = form.data.language ? i18nFor({ ...page.i18n.choice, lang: form.data.language }) : page.i18n;
  return { redirect: shown.href(`/subscribe/manage?token=${encodeURIComponent(form.data.token)}&saved=1`) };
}

/** RFC 8058: the token is in the List-Unsubscribe URL and the body is `List-Unsubscribe=One-Click`; the manage page posts it as a field. */
async function unsubscribeRoute({ fields, query, now, page }: FormRequest): Promise<FormAnswer> {
  const token = query.get("token") ?? text(fields.token);
  if (token.length > 200 || !(await unsubscribeByLink(db(), token, now))) return badLinkPage(page, "/unsubscribe");
  return unsubscribedPage(page, "/unsubscribe");
}

const FORM_ROUTES: Record<string, { route: FormRoute; anyBody?: true; openWhilePrivate?: true }> = {
  "/subscribe": { route: subscribeRoute },
  "/subscribe/confirm": { route: confirmRoute },
  "/subscribe/manage": { route: manageRoute },
  // Mail clients may post one-click unsubscribes as multipart/form-data (RFC 8058 §3.1): the body is
  // not needed. They post without a reader's cookie, so a private site lets it through its gate: the
  // signed link is the authority, and the answer tells nothing about the page.
  "/unsubscribe": { route: unsubscribeRoute, anyBody: true, openWhilePrivate: true },
};

function answer(request: IncomingMessage, response: ServerResponse, outcome: FormAnswer): void | Promise<void> {
  if ("redirect" in outcome) {
    response.writeHead(303, { Location: outcome.redirect, "Cache-Control": "no-store", "Content-Length": "0" }).end();
    return;
  }
  return send(request, response, prepare(outcome, "page", { "Cache-Control": "no-store" }));
}

/**
 * Answers a POST of a subscription form; false (synchronously, so other requests take no detour)
 * for anything else, which goes on to the public endpoint table.
 */
export function handleSubscriptionRequest(request: IncomingMessage, response: ServerResponse): Promise<true> | false {
  if (request.method !== "POST") return false;
  const url = URL.parse(request.url ?? "/", "http://localhost");
  if (!url) return false;
  const entry = FORM_ROUTES[url.pathname.replace(/(.)\/$/, "$1")];
  if (!entry) return false;
  return (async () => {
    // A private site's forms are behind its gate, like its pages.
    const access = entry.openWhilePrivate ? { open: true as const } : await readerGate(request, url.pathname, "page", url.search);
    if (!access.open) {
      sendRefusal(response, access.refuse, `${url.pathname}${url.search}`);
      return true as const;
    }
    const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const body = await readFormBody(request, MAX_FORM_BYTES);
    const page = await formPageOf(url.searchParams);
    let outcome: FormAnswer;
    if (body === null) outcome = notice(413, "subscribe.tooLarge", "subscribe.tooLargeText", page);
    else if (type !== FORM_TYPE && !entry.anyBody) outcome = notice(415, "subscribe.unsupported", "subscribe.unsupportedText", page);
    else
      outcome = await entry.route({
        fields: type === FORM_TYPE ? formFields(body) : Object.create(null),
        query: url.searchParams,
        ip: clientIpOf(headersOf(request)),
        now: new Date(),
        page,
      });
    await answer(request, response, outcome);
    return true as const;
  })();
}
