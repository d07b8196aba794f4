// The POSTs of a private site's sign-in page (/access): the shared password, asking for a magic
// link, using one, and showing the signed-in reader's feed addresses. Each reads a bounded
// urlencoded body, validates it with the shared schemas, calls one use-case of lib/access and
// answers with a 303 (setting the reader cookie) or the /access page again — never cached — in the
// form page's language (lib/public/form-requests.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { FeedAddresses } from "@/components/public/AccessForms";
import { type AccessConfig, currentAccessConfig } from "@/lib/access/config";
import { feedTokenFor, requestMagicLink, type SignedIn, signInWithPassword, redeemMagicLink } from "@/lib/access/readers";
import { cookieValue, READER_COOKIE, verifyReaderCookie } from "@/lib/access/tokens";
import { clientIpOf } from "@/lib/auth/client-ip";
import { safePublicReturnPath } from "@/lib/auth/return-path";
import { DEFAULT_BRAND } from "@/lib/branding/brand";
import { db } from "@/lib/db/client";
import type { MessageKey } from "@/lib/i18n";
import { sendTransactionalMail } from "@/lib/mail/transport";
import { headersOf } from "@/lib/public/access-gate";
import { accessDocument, accessPage, waysIn } from "@/lib/public/access-pages";
import { formPageOf, type PageContext, readFormBody } from "@/lib/public/form-requests";
import { PRIVATE_HEADERS, prepare, send } from "@/lib/public/prepared";
import type { Rendered } from "@/lib/public/rendered";
import { loadEnv } from "@/lib/runtime/env";
import { sessionSecret } from "@/lib/runtime/secrets";
import { readerEmailSchema, readerLinkSchema, readerPasswordSchema } from "@/lib/validation/access";

const MAX_FORM_BYTES = 8 * 1024;

interface AccessForm {
  fields: URLSearchParams;
  returnPath: string;
  config: AccessConfig;
  request: IncomingMessage;
  ip: string;
  now: Date;
  /** The address, language and brand the answer is written in. */
  page: PageContext;
}

type FormAnswer = Rendered | { redirect: string; cookie?: SignedIn };

async function again(status: number, { returnPath, page }: Pick<AccessForm, "returnPath" | "page">, text: MessageKey, minutes?: number): Promise<Rendered> {
  const message = { text: page.i18n.t(text, minutes === undefined ? undefined : { minutes }), alert: true };
  return accessPage(status, { ...(await waysIn()), returnPath, message }, page);
}

/** 429 with the wait in the reader's words and in Retry-After. */
async function throttled(form: AccessForm, text: MessageKey, wait: number): Promise<Rendered> {
  return { ...(await again(429, form, text, Math.ceil(wait / 60_000))), headers: { "Retry-After": String(Math.ceil(wait / 1000)) } };
}

async function passwordRoute(form: AccessForm): Promise<FormAnswer> {
  const { fields, returnPath, config, ip, now } = form;
  const input = readerPasswordSchema.safeParse({ password: fields.get("password") ?? "" });
  if (!input.success) return again(400, form, "access.error.passwordRequired");
  const outcome = await signInWithPassword(db(), config, input.data.password, { ip, now }, sessionSecret());
  if (outcome.kind === "throttled") return throttled(form, "access.tooManyPasswords", outcome.wait);
  if (outcome.kind === "wrong") return again(401, form, "access.error.wrongPassword");
  return { redirect: returnPath, cookie: outcome };
}

async function mailRoute(form: AccessForm): Promise<FormAnswer> {
  const { fields, returnPath, config, ip, now, page } = form;
  const input = readerEmailSchema.safeParse({ email: (fields.get("email") ?? "").trim() });
  if (!input.success) return again(400, form, "access.error.emailRequired");
  const send = loadEnv().mail ? sendTransactionalMail : null;
  const linkPage = { locale: page.i18n.locale, pageName: (page.brand ?? DEFAULT_BRAND).name };
  const request = { email: input.data.email, returnPath, baseUrl: page.baseUrl, page: linkPage };
  const outcome = await requestMagicLink(db(), config, request, { ip, now }, send);
  if (outcome.kind === "throttled") return throttled(form, "access.tooManyLinks", outcome.wait);
  return { redirect: page.i18n.href(`/access?sent=1&return=${encodeURIComponent(returnPath)}`) };
}

async function linkRoute(form: AccessForm): Promise<FormAnswer> {
  const { fields, returnPath, config, ip, now } = form;
  const input = readerLinkSchema.safeParse({ token: fields.get("token") ?? "" });
  const outcome = input.success ? await redeemMagicLink(db(), config, input.data.token, { ip, now }, sessionSecret()) : { kind: "bad-link" as const };
  if (outcome.kind === "bad-link") return again(410, form, "access.error.badLink");
  return { redirect: returnPath, cookie: outcome };
}

async function feedTokenRoute(form: AccessForm): Promise<FormAnswer> {
  const { request, config, now, page } = form;
  const passId = verifyReaderCookie(sessionSecret(), cookieValue(request.headers.cookie, READER_COOKIE), config.sessionEpoch, now);
  if (!config.private || !passId) return again(401, form, "access.error.signInFirst");
  const token = await feedTokenFor(db(), config, passId, sessionSecret());
  return accessDocument(200, page.i18n.t("access.feedTitle"), page, <FeedAddresses token={token} baseUrl={page.baseUrl} i18n={page.i18n} />);
}

const FORM_ROUTES: Record<string, (form: AccessForm) => Promise<FormAnswer>> = {
  "/access": passwordRoute,
  "/access/mail": mailRoute,
  "/access/link": linkRoute,
  "/access/feed-token": feedTokenRoute,
};

function readerCookie(signedIn: SignedIn): string {
  const secure = loadEnv().publicUrl.startsWith("https:") ? "; Secure" : "";
  const maxAge = Math.max(0, Math.floor((signedIn.expiresAt.getTime() - Date.now()) / 1000));
  return `${READER_COOKIE}=${signedIn.cookie}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** Answers a POST of the /access forms; false (synchronously) for anything else. */
export function handleAccessRequest(request: IncomingMessage, response: ServerResponse): Promise<true> | false {
  if (request.method !== "POST") return false;
  const url = URL.parse(request.url ?? "/", "http://localhost");
  const route = url && FORM_ROUTES[url.pathname.replace(/(.)\/$/, "$1")];
  if (!route) return false;
  return (async () => {
    const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const body = await readFormBody(request, MAX_FORM_BYTES);
    const fields = new URLSearchParams(body ?? "");
    const returnPath = safePublicReturnPath(fields.get("return"));
    const page = await formPageOf(url.searchParams);
    let outcome: FormAnswer;
    if (body === null || type !== "application/x-www-form-urlencoded")
      outcome = await again(body === null ? 413 : 415, { returnPath, page }, "access.error.unsupported");
    else outcome = await route({ fields, returnPath, config: await currentAccessConfig(), request, ip: clientIpOf(headersOf(request)), now: new Date(), page });
    if ("redirect" in outcome) {
      const cookie = outcome.cookie ? { "Set-Cookie": readerCookie(outcome.cookie) } : {};
      response.writeHead(303, { ...PRIVATE_HEADERS, Location: outcome.redirect, "Content-Length": "0", ...cookie }).end();
    } else await send(request, response, prepare(outcome, "page", PRIVATE_HEADERS));
    return true as const;
  })();
}
