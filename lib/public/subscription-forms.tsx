// The public side's only POSTs: the subscription forms (the public server otherwise answers GET and
// HEAD only). One table of form routes; each reads a bounded urlencoded body, validates it with the
// shared schemas, calls one use-case of lib/subscriptions and answers with a public page (the same
// Document, CSP and headers as every public page, never cached) or a 303 to one.
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIpOf } from "@/lib/auth/client-ip";
import { describeWait } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { sendTransactionalMail } from "@/lib/mail/transport";
import { readerGate, sendRefusal } from "@/lib/public/access-gate";
import { prepare, send } from "@/lib/public/prepared";
import type { Rendered } from "@/lib/public/rendered";
import { readComponents } from "@/lib/public/read";
import { badLinkPage, mailConfigured, managePage, notice, subscribeFormPage, systemChoices } from "@/lib/public/subscription-pages";
import { loadEnv } from "@/lib/runtime/env";
import { manageUrl } from "@/lib/subscriptions/links";
import { confirmSubscription, saveManageForm, subscribe, subscriberByLink, unsubscribeByLink } from "@/lib/subscriptions/subscribe";
import {
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
}

type FormAnswer = Rendered | { redirect: string };
type FormRoute = (form: FormRequest) => Promise<FormAnswer>;

const ctx = () => ({ baseUrl: loadEnv().publicUrl });
const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
const LINE_BREAK = { form: "Line breaks are not allowed in any field." };

async function subscribeRoute({ fields, ip, now }: FormRequest): Promise<FormAnswer> {
  const systems = systemChoices(await readComponents());
  const again = (status: number, errors: Record<string, string>) =>
    subscribeFormPage(systems, ctx(), {
      status,
      email: hasLineBreak(fields) ? "" : text(fields.email).slice(0, 254),
      values: { scope: fields.scope === "some" ? "some" : "all", componentIds: [], maintenance: fields.maintenance === "on" },
      errors,
    });
  if (!mailConfigured())
    return subscribeFormPage(systems, ctx(), { status: 404, email: "", values: { scope: "all", componentIds: [], maintenance: false }, errors: {} });
  if (hasLineBreak(fields)) return again(400, LINE_BREAK);
  // A bot filled the honeypot: the usual answer, and nothing stored or sent.
  if (text(fields[HONEYPOT_FIELD])) return { redirect: "/subscribe/sent" };
  const form = subscribeFormSchema.safeParse(fields);
  if (!form.success) return again(400, fieldMessages(form.error));
  const outcome = await subscribe(db(), form.data, { ip, now }, sendTransactionalMail);
  if (outcome.kind === "invalid") return again(400, outcome.fields);
  if (outcome.kind === "throttled") {
    const rendered = notice(429, "Too many requests", `Too many subscriptions from your network; try again in ${describeWait(outcome.wait)}.`, ctx());
    return { ...rendered, headers: { "Retry-After": String(Math.ceil(outcome.wait / 1000)) } };
  }
  return { redirect: "/subscribe/sent" };
}

async function confirmRoute({ fields, ip, now }: FormRequest): Promise<FormAnswer> {
  const form = tokenFormSchema.safeParse(fields);
  if (!form.success || hasLineBreak(fields)) return badLinkPage(ctx(), "/subscribe/confirm");
  const outcome = await confirmSubscription(db(), form.data.token, { ip, now });
  if (outcome.kind === "expired")
    return notice(
      410,
      "This link has expired",
      "Confirmation links work for 48 hours. Nothing was changed; subscribe again for a new link.",
      ctx(),
      "/subscribe/confirm",
    );
  if (outcome.kind === "unknown") return badLinkPage(ctx(), "/subscribe/confirm");
  const manage = (
    <p>
      <a className="underline" href={manageUrl(outcome.subscriber)}>
        Manage your subscription
      </a>
    </p>
  );
  return notice(
    200,
    "You are subscribed",
    `Status updates will be sent to ${outcome.subscriber.email}. Every mail has a link to change or stop them.`,
    ctx(),
    "/subscribe/confirm",
    manage,
  );
}

async function manageRoute({ fields }: FormRequest): Promise<FormAnswer> {
  const form = manageFormSchema.safeParse(fields);
  const token = text(fields.token);
  if (!form.success || hasLineBreak(fields)) {
    const subscriber = hasLineBreak(fields) ? null : await subscriberByLink(db(), "manage", token);
    if (!subscriber) return badLinkPage(ctx(), "/subscribe/manage");
    return managePage(subscriber, systemChoices(await readComponents()), ctx(), {
      status: 400,
      errors: form.success ? LINE_BREAK : fieldMessages(form.error),
      saved: false,
    });
  }
  const outcome = await saveManageForm(db(), form.data);
  if (outcome.kind === "bad-link") return badLinkPage(ctx(), "/subscribe/manage");
  if (outcome.kind === "invalid") {
    const subscriber = await subscriberByLink(db(), "manage", token);
    if (!subscriber) return badLinkPage(ctx(), "/subscribe/manage");
    return managePage(subscriber, systemChoices(await readComponents()), ctx(), { status: 400, errors: outcome.fields, saved: false });
  }
  return { redirect: `/subscribe/manage?token=${encodeURIComponent(form.data.token)}&saved=1` };
}

/** RFC 8058: the token is in the List-Unsubscribe URL and the body is `List-Unsubscribe=One-Click`; the manage page posts it as a field. */
async function unsubscribeRoute({ fields, query, now }: FormRequest): Promise<FormAnswer> {
  const token = query.get("token") ?? text(fields.token);
  if (token.length > 200 || !(await unsubscribeByLink(db(), token, now))) return badLinkPage(ctx(), "/unsubscribe");
  return notice(200, "You are unsubscribed", "This address receives no more mail from this status page.", ctx(), "/unsubscribe");
}

const FORM_ROUTES: Record<string, { route: FormRoute; anyBody?: true }> = {
  "/subscribe": { route: subscribeRoute },
  "/subscribe/confirm": { route: confirmRoute },
  "/subscribe/manage": { route: manageRoute },
  // Mail clients may post one-click unsubscribes as multipart/form-data (RFC 8058 §3.1): the body is not needed.
  "/unsubscribe": { route: unsubscribeRoute, anyBody: true },
};

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the client still gets its 413 answer.
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_FORM_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const headersOf = (request: IncomingMessage) => ({
  get: (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  },
});

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
    const access = await readerGate(request, url.pathname, "page", url.search);
    if (!access.open) {
      sendRefusal(response, access.refuse, `${url.pathname}${url.search}`);
      return true as const;
    }
    const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const body = await readBody(request);
    let outcome: FormAnswer;
    if (body === null) outcome = notice(413, "Too much data", "The form sent more data than any subscription needs. Nothing was changed.", ctx());
    else if (type !== FORM_TYPE && !entry.anyBody)
      outcome = notice(415, "Unsupported form", "Send the form from the subscription page. Nothing was changed.", ctx());
    else
      outcome = await entry.route({
        fields: type === FORM_TYPE ? formFields(body) : Object.create(null),
        query: url.searchParams,
        ip: clientIpOf(headersOf(request)),
        now: new Date(),
      });
    await answer(request, response, outcome);
    return true as const;
  })();
}
