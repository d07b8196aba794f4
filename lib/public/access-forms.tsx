// The POSTs of a private site's sign-in page (/access): the shared password, asking for a magic
// link, using one, and showing the signed-in reader's feed addresses. Each reads a bounded
// urlencoded body, validates it with the shared schemas, calls one use-case of lib/access and
// answers with a 303 (setting the reader cookie) or the /access page again — never cached.
import type { IncomingMessage, ServerResponse } from "node:http";
import { FeedAddresses } from "@/components/public/AccessForms";
import { type AccessConfig, currentAccessConfig } from "@/lib/access/config";
import { feedTokenFor, requestMagicLink, type SignedIn, signInWithPassword, redeemMagicLink } from "@/lib/access/readers";
import { cookieValue, READER_COOKIE, verifyReaderCookie } from "@/lib/access/tokens";
import { clientIpOf } from "@/lib/auth/client-ip";
import { safePublicReturnPath } from "@/lib/auth/return-path";
import { db } from "@/lib/db/client";
import { sendTransactionalMail } from "@/lib/mail/transport";
import { headersOf } from "@/lib/public/access-gate";
import { accessDocument, accessPage, waysIn } from "@/lib/public/access-pages";
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
}

type FormAnswer = Rendered | { redirect: string; cookie?: SignedIn };
const ctx = () => ({ baseUrl: loadEnv().publicUrl });

async function again(status: number, returnPath: string, text: string): Promise<Rendered> {
  return accessPage(status, { ...(await waysIn()), returnPath, message: { text, alert: true } }, ctx());
}

async function passwordRoute({ fields, returnPath, config, ip, now }: AccessForm): Promise<FormAnswer> {
  const form = readerPasswordSchema.safeParse({ password: fields.get("password") ?? "" });
  if (!form.success) return again(400, returnPath, "Enter the password.");
  const outcome = await signInWithPassword(db(), config, form.data.password, { ip, now }, sessionSecret());
  if (outcome.kind === "throttled")
    return { ...(await again(429, returnPath, outcome.message)), headers: { "Retry-After": String(Math.ceil(outcome.wait / 1000)) } };
  if (outcome.kind === "wrong") return again(401, returnPath, "That password is not right.");
  return { redirect: returnPath, cookie: outcome };
}

async function mailRoute({ fields, returnPath, config, ip, now }: AccessForm): Promise<FormAnswer> {
  const form = readerEmailSchema.safeParse({ email: (fields.get("email") ?? "").trim() });
  if (!form.success) return again(400, returnPath, "Enter an email address.");
  const send = loadEnv().mail ? sendTransactionalMail : null;
  const outcome = await requestMagicLink(db(), config, { email: form.data.email, returnPath, baseUrl: loadEnv().publicUrl }, { ip, now }, send);
  if (outcome.kind === "throttled")
    return { ...(await again(429, returnPath, outcome.message)), headers: { "Retry-After": String(Math.ceil(outcome.wait / 1000)) } };
  return { redirect: `/access?sent=1&return=${encodeURIComponent(returnPath)}` };
}

async function linkRoute({ fields, returnPath, config, ip, now }: AccessForm): Promise<FormAnswer> {
  const form = readerLinkSchema.safeParse({ token: fields.get("token") ?? "" });
  const outcome = form.success ? await redeemMagicLink(db(), config, form.data.token, { ip, now }, sessionSecret()) : { kind: "bad-link" as const };
  if (outcome.kind === "bad-link") return again(410, returnPath, "This sign-in link has expired or was used already. Ask for a new one.");
  return { redirect: returnPath, cookie: outcome };
}

async function feedTokenRoute({ request, returnPath, config, now }: AccessForm): Promise<FormAnswer> {
  const passId = verifyReaderCookie(sessionSecret(), cookieValue(request.headers.cookie, READER_COOKIE), config.sessionEpoch, now);
  if (!config.private || !passId) return again(401, returnPath, "Sign in first: feed addresses are for signed-in readers.");
  const token = await feedTokenFor(db(), config, passId, sessionSecret());
  return accessDocument(200, "Your feed addresses", ctx(), <FeedAddresses token={token} baseUrl={loadEnv().publicUrl} />);
}

const FORM_ROUTES: Record<string, (form: AccessForm) => Promise<FormAnswer>> = {
  "/access": passwordRoute,
  "/access/mail": mailRoute,
  "/access/link": linkRoute,
  "/access/feed-token": feedTokenRoute,
};

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_FORM_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

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
    const body = await readBody(request);
    const fields = new URLSearchParams(body ?? "");
    const returnPath = safePublicReturnPath(fields.get("return"));
    let outcome: FormAnswer;
    if (body === null || type !== "application/x-www-form-urlencoded")
      outcome = await again(body === null ? 413 : 415, returnPath, "Send the form from the sign-in page.");
    else outcome = await route({ fields, returnPath, config: await currentAccessConfig(), request, ip: clientIpOf(headersOf(request)), now: new Date() });
    if ("redirect" in outcome) {
      const cookie = outcome.cookie ? { "Set-Cookie": readerCookie(outcome.cookie) } : {};
      response.writeHead(303, { ...PRIVATE_HEADERS, Location: outcome.redirect, "Content-Length": "0", ...cookie }).end();
    } else await send(request, response, prepare(outcome, "page", PRIVATE_HEADERS));
    return true as const;
  })();
}
