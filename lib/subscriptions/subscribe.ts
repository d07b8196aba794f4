// The subscription use-cases, each the one path for its change: subscribe (double opt-in),
// confirm, save the manage page's choices, unsubscribe. Rules:
//  1. The answer to "subscribe" is the same whether the address was new, pending or confirmed
//     (no enumeration); only the mail differs, and it goes to the address itself.
//  2. Limits (lib/auth/throttle.ts, stored, so restarts do not reset them): per client source and
//     per address. A locked source is told to wait (that reveals nothing about addresses); a
//     locked address gets the usual answer and no mail, so nobody can flood an inbox.
//  3. Nothing is stored for an unknown component, and a confirmed subscriber's choices are only
//     changed from the manage page (a stranger cannot re-subscribe someone to less).
//  4. The subscriber's language is the page's the form was sent from; its mails are written in it
//     (the already-subscribed reminder in the one stored) until the manage page changes it.
//  5. Mail is sent after the row is stored, through the `send` the caller passes (lib/mail's
//     transport), so this module stays below lib/mail, which reads its links.
import { admitAttempt, sourceOf } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n";
import type { TransactionalMail } from "@/lib/mail/transport";
import { confirmUrl, listUnsubscribeHeaders, manageUrl, verifiedLink } from "./links";
import { alreadySubscribedMail, confirmationMail } from "./mails";
import {
  type Choices,
  confirmByTokenHash,
  createPendingSubscriber,
  findSubscriber,
  findSubscriberByEmail,
  markUnsubscribed,
  publicComponentIds,
  renewPendingSubscriber,
  type SubscriberRecord,
  saveChoices,
} from "./store";
import { CONFIRM_TTL_MS, hashConfirmToken, type LinkPurpose, newConfirmToken } from "./tokens";
import { type FieldMessages, type ManageForm, normalizedEmail, type SubscribeForm } from "./validation";

export const SOURCE_SUBSCRIBE_LIMIT = 10;
export const ADDRESS_SUBSCRIBE_LIMIT = 3;

export type SendMail = (mail: TransactionalMail) => Promise<void>;

export interface Visitor {
  ip: string;
  now: Date;
}

/** Who sent the subscribe form, in which language they read it, and the page's name (its brand) the mails are signed with. */
export interface Subscribing extends Visitor {
  locale: Locale;
  pageName: string;
}

const choicesOf = (form: { scope: "all" | "some"; component: number[]; maintenance: boolean }): Choices => ({
  allComponents: form.scope === "all",
  componentIds: form.scope === "all" ? [] : form.component,
  maintenance: form.maintenance,
});

/** Field messages when a chosen id is not a public component; null when all are. */
async function unknownComponents(db: Db, choices: Choices): Promise<FieldMessages | null> {
  const known = await publicComponentIds(db, choices.componentIds);
  return choices.componentIds.every((id) => known.has(id)) ? null : { component: "subscribe.error.components" };
}

export type SubscribeOutcome = { kind: "accepted" } | { kind: "invalid"; fields: FieldMessages } | { kind: "throttled"; wait: number };

export async function subscribe(db: Db, form: SubscribeForm, visitor: Subscribing, send: SendMail): Promise<SubscribeOutcome> {
  const choices = choicesOf(form);
  const unknown = await unknownComponents(db, choices);
  if (unknown) return { kind: "invalid", fields: unknown };
  const emailNormalized = normalizedEmail(form.email);
  const admission = await admitAttempt(
    db,
    [
      { key: `subscribe-source:${sourceOf(visitor.ip)}`, limit: SOURCE_SUBSCRIBE_LIMIT, onSuccess: "refund" },
      { key: `subscribe-address:${emailNormalized}`, limit: ADDRESS_SUBSCRIBE_LIMIT, onSuccess: "refund" },
    ],
    visitor.now,
  );
  if (!admission.admitted) return admission.key.startsWith("subscribe-source:") ? { kind: "throttled", wait: admission.wait } : { kind: "accepted" };

  const existing = await findSubscriberByEmail(db, emailNormalized);
  if (existing?.status === "confirmed") {
    await sendSafely(send, alreadySubscribedMail(existing.email, manageUrl(existing), listUnsubscribeHeaders(existing), existing.locale, visitor.pageName));
    return { kind: "accepted" };
  }
  const { token, hash } = newConfirmToken();
  const request = {
    email: form.email,
    emailNormalized,
    choices,
    confirmTokenHash: hash,
    confirmExpiresAt: new Date(visitor.now.getTime() + CONFIRM_TTL_MS),
    consentedAt: visitor.now,
    consentIp: visitor.ip,
    locale: visitor.locale,
  };
  if (existing) await renewPendingSubscriber(db, existing, request);
  else if (!(await createdUnlessRaced(db, request))) return { kind: "accepted" };
  await sendSafely(send, confirmationMail(form.email, confirmUrl(token), visitor.locale, visitor.pageName));
  return { kind: "accepted" };
}

/** Two requests for one new address at once: the unique address lets one row in; the other sends nothing. */
async function createdUnlessRaced(db: Db, request: Parameters<typeof createPendingSubscriber>[1]): Promise<boolean> {
  try {
    await createPendingSubscriber(db, request);
    return true;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "P2002") return false;
    throw error;
  }
}

/** A refused or unreachable mail server must not change the answer (rule 1); it is logged for the operator. */
async function sendSafely(send: SendMail, mail: TransactionalMail): Promise<void> {
  try {
    await send(mail);
  } catch (error) {
    console.error("subscriptions: a confirmation mail could not be sent:", error instanceof Error ? error.message : error);
  }
}

export type ConfirmOutcome = { kind: "confirmed"; subscriber: SubscriberRecord } | { kind: "expired" } | { kind: "unknown" };

export async function confirmSubscription(db: Db, token: string, visitor: Visitor): Promise<ConfirmOutcome> {
  const hash = hashConfirmToken(token);
  const before = await db.subscriber.findUnique({ where: { confirmTokenHash: hash }, select: { id: true } });
  const result = await confirmByTokenHash(db, hash, visitor.ip, visitor.now);
  if (result !== "confirmed" || !before) return { kind: result === "confirmed" ? "unknown" : result };
  const subscriber = await findSubscriber(db, before.id);
  return subscriber ? { kind: "confirmed", subscriber } : { kind: "unknown" };
}

/** The subscriber a signed link names, if the link is still valid (same key version, not forged). */
export async function subscriberByLink(db: Db, purpose: LinkPurpose, token: string): Promise<SubscriberRecord | null> {
  const link = verifiedLink(purpose, token);
  if (!link) return null;
  const subscriber = await findSubscriber(db, link.id);
  return subscriber && subscriber.manageKeyVersion === link.manageKeyVersion ? subscriber : null;
}

export type ManageOutcome = { kind: "saved" } | { kind: "invalid"; fields: FieldMessages } | { kind: "bad-link" };

export async function saveManageForm(db: Db, form: ManageForm): Promise<ManageOutcome> {
  const link = verifiedLink("manage", form.token);
  if (!link) return { kind: "bad-link" };
  const choices = choicesOf(form);
  const unknown = await unknownComponents(db, choices);
  if (unknown) return { kind: "invalid", fields: unknown };
  return (await saveChoices(db, link.id, link.manageKeyVersion, { ...choices, paused: form.paused, locale: form.language }))
    ? { kind: "saved" }
    : { kind: "bad-link" };
}

/** One-click (RFC 8058) or the manage page's button; either signed link unsubscribes. */
export async function unsubscribeByLink(db: Db, token: string, now: Date): Promise<boolean> {
  const link = verifiedLink("unsubscribe", token) ?? verifiedLink("manage", token);
  return link ? markUnsubscribed(db, link.id, link.manageKeyVersion, now) : false;
}
