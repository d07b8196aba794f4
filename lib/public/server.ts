// The public side's HTTP entry, in front of Next.js in the custom server (scripts/start.ts): a
// request for a URL of the endpoint table is routed, answered from the prepared-answer cache and
// sent; anything else (the admin, the write API) goes on to Next.js. Stages: lib/public/README.md.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerFor, errorAnswer } from "@/lib/public/answers";
import { badRequestPage } from "@/lib/public/pages";
import { type PreparedResponse, prepare, privateVariant, send, sendMethodAnswer } from "@/lib/public/prepared";
import { route } from "@/lib/public/router";
import { readerGate, sendRefusal } from "@/lib/public/access-gate";
import { loadEnv } from "@/lib/runtime/env";
import { LANGUAGE_SWITCH_PATH, languageSwitch, rememberedLanguageRedirect } from "@/lib/public/language";

/** The path and query of a request target; null when it cannot be parsed at all. */
function target(url: string | undefined): { pathname: string; search: string } | null {
  try {
    const parsed = new URL(url ?? "/", "http://localhost");
    return { pathname: parsed.pathname, search: parsed.search };
  } catch {
    return null;
  }
}

/** Answers public pages, feeds, badges, calendars and read APIs; false lets Next.js handle the request. */
export async function handlePublicRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const parsed = target(request.url);
  if (!parsed) {
    const answer = errorAnswer("unparsable", () => prepare(badRequestPage("/", { baseUrl: loadEnv().publicUrl }, "The address is not valid."), "page"));
    await send(request, response, answer);
    return true;
  }
  if (parsed.pathname === LANGUAGE_SWITCH_PATH) {
    const message = "The language in this address is not one of en, de, fr, es, ja.";
    await send(request, response, prepare(languageSwitch(parsed.search) ?? badRequestPage("/", { baseUrl: loadEnv().publicUrl }, message), "page"));
    return true;
  }
  const found = route(parsed.pathname, parsed.search);
  if (!found) return false;
  if (request.method !== "GET" && request.method !== "HEAD") {
    sendMethodAnswer(request, response, found.endpoint.kind);
    return true;
  }
  // A private site (lib/access): checked before any answer, kept or from the snapshot, is looked up.
  const gate = readerGate(request, found.endpoint.path, found.endpoint.kind, parsed.search);
  const access = gate instanceof Promise ? await gate : gate;
  if (!access.open) {
    sendRefusal(response, access.refuse, `${parsed.pathname}${parsed.search}`);
    return true;
  }
  const sendAnswer = (ready: PreparedResponse) => send(request, response, access.private ? privateVariant(ready) : ready);
  const remembered =
    found.endpoint.kind === "page" && !found.error && !found.choice.lang && rememberedLanguageRedirect(parsed.pathname, parsed.search, request.headers.cookie);
  if (remembered) {
    await sendAnswer(prepare(remembered, "page"));
    return true;
  }
  const answer = found.error ? errorAnswer(found.key, () => prepare(found.error(loadEnv().publicUrl), found.endpoint.kind)) : answerFor(found);
  // A kept answer is sent in this very tick; only a render or a first compression is awaited.
  const sent = answer instanceof Promise ? answer.then(sendAnswer) : sendAnswer(answer);
  if (sent) await sent;
  return true;
}
