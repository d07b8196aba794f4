// The public side's HTTP entry, in front of Next.js in the custom server (scripts/start.ts): a
// request for a URL of the endpoint table is routed, answered from the prepared-answer cache and
// sent; anything else (the admin, the write API) goes on to Next.js. Stages: lib/public/README.md.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerFor, errorAnswer } from "@/lib/public/answers";
import { badRequestPage } from "@/lib/public/pages";
import { type PreparedResponse, prepare, privateVariant, send, sendMethodAnswer } from "@/lib/public/prepared";
import { type Route, requestTarget, route } from "@/lib/public/router";
import { readerGate, sendRefusal } from "@/lib/public/access-gate";
import type { GateDecision } from "@/lib/access/gate";
import { loadEnv } from "@/lib/runtime/env";
import { LANGUAGE_SWITCH_PATH, languageSwitch, rememberedLanguageRedirect } from "@/lib/public/language";

/**
 * Answers public pages, feeds, badges, calendars and read APIs; false lets Next.js handle the request.
 * A kept answer is sent in this very tick and gives `true` without a promise (the hot path during an
 * outage: no promise, no microtask); only a gate lookup, a render or a first compression is awaited.
 */
export function handlePublicRequest(request: IncomingMessage, response: ServerResponse): boolean | Promise<true> {
  const parsed = requestTarget(request.url);
  if (!parsed) {
    const answer = errorAnswer("unparsable", () => prepare(badRequestPage("/", { baseUrl: loadEnv().publicUrl }, "The address is not valid."), "page"));
    return done(send(request, response, answer));
  }
  if (parsed.pathname === LANGUAGE_SWITCH_PATH) {
    const message = "The language in this address is not one of en, de, fr, es, ja.";
    return done(send(request, response, prepare(languageSwitch(parsed.search) ?? badRequestPage("/", { baseUrl: loadEnv().publicUrl }, message), "page")));
  }
  const found = route(parsed.pathname, parsed.search);
  if (!found) return false;
  if (request.method !== "GET" && request.method !== "HEAD") {
    sendMethodAnswer(request, response, found.endpoint.kind);
    return true;
  }
  // A private site (lib/access): checked before any answer, kept or from the snapshot, is looked up.
  const gate = readerGate(request, found.endpoint.path, found.endpoint.kind, parsed.search);
  if (gate instanceof Promise) return gate.then((access) => answerReader(request, response, found, parsed, access));
  return answerReader(request, response, found, parsed, gate);
}

function answerReader(
  request: IncomingMessage,
  response: ServerResponse,
  found: Route,
  parsed: { pathname: string; search: string },
  access: GateDecision,
): true | Promise<true> {
  if (!access.open) {
    sendRefusal(response, access.refuse, `${parsed.pathname}${parsed.search}`);
    return true;
  }
  const sendAnswer = (ready: PreparedResponse) => send(request, response, access.private ? privateVariant(ready) : ready);
  const remembered =
    found.endpoint.kind === "page" && !found.error && !found.choice.lang && rememberedLanguageRedirect(parsed.pathname, parsed.search, request.headers.cookie);
  if (remembered) return done(sendAnswer(prepare(remembered, "page")));
  const answer = found.error ? errorAnswer(found.key, () => prepare(found.error(loadEnv().publicUrl), found.endpoint.kind)) : answerFor(found);
  return done(answer instanceof Promise ? answer.then(sendAnswer) : sendAnswer(answer));
}

/** `true` once a send has been written: at once when it was, else when its compression is done. */
function done(sent: void | Promise<void>): true | Promise<true> {
  return sent ? sent.then(() => true as const) : true;
}
