// The subscriber's links and the RFC 8058 one-click headers, for every mail sent to a subscriber
// (lib/mail/). The key is derived from the session secret, so there is no second secret to keep.
import { createHmac } from "node:crypto";
import type { Locale } from "@/lib/i18n";
import { loadEnv } from "@/lib/runtime/env";
import { sessionSecret } from "@/lib/runtime/secrets";
import { type LinkHolder, type LinkPurpose, signLinkToken, verifyLinkToken } from "./tokens";

let derived: { secret: string; key: Buffer } | null = null;

/** A key of its own for subscriber links: a signed link never doubles as a signed device cookie. */
function linkKey(): Buffer {
  const secret = sessionSecret();
  if (derived?.secret !== secret) derived = { secret, key: createHmac("sha256", secret).update("beacon subscriber links").digest() };
  return derived.key;
}

export const linkToken = (purpose: LinkPurpose, subscriber: LinkHolder): string => signLinkToken(linkKey(), purpose, subscriber);
export const verifiedLink = (purpose: LinkPurpose, token: string): LinkHolder | null => verifyLinkToken(linkKey(), purpose, token);

export function confirmUrl(token: string): string {
  return `${loadEnv().publicUrl}/subscribe/confirm?token=${encodeURIComponent(token)}`;
}

/** A link a subscriber follows from a mail, opening the page in the mail's language (`?lang=`). */
export function inLanguage(url: string, locale: Locale): string {
  const localized = new URL(url);
  localized.searchParams.set("lang", locale);
  return localized.toString();
}

export function manageUrl(subscriber: LinkHolder): string {
  return `${loadEnv().publicUrl}/subscribe/manage?token=${linkToken("manage", subscriber)}`;
}

/** The one-click address: a POST unsubscribes (RFC 8058); a GET shows a page with the button. */
export function unsubscribeUrl(subscriber: LinkHolder): string {
  return `${loadEnv().publicUrl}/unsubscribe?token=${linkToken("unsubscribe", subscriber)}`;
}

/** RFC 8058 §3.1: the HTTPS URI in List-Unsubscribe, and List-Unsubscribe-Post for one-click. */
export function listUnsubscribeHeaders(subscriber: LinkHolder): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl(subscriber)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
