// The one query module of subscriptions: every read and write of Subscriber rows goes through here.
// Nothing in lib/db/public-read.ts reads these tables: subscriber addresses are never public data.
import type { Db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale, localeSchema } from "@/lib/i18n";

export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

export interface SubscriberRecord {
  id: number;
  email: string;
  status: SubscriberStatus;
  allComponents: boolean;
  maintenance: boolean;
  paused: boolean;
  manageKeyVersion: number;
  /** The language its mails and pages are written in. */
  locale: Locale;
  componentIds: number[];
}

export interface Choices {
  allComponents: boolean;
  componentIds: number[];
  maintenance: boolean;
}

const withComponents = { components: { select: { componentId: true } } } as const;

function record(row: Omit<SubscriberRecord, "componentIds" | "locale"> & { locale: string; components: { componentId: number }[] }): SubscriberRecord {
  const { components, ...rest } = row;
  return {
    id: rest.id,
    email: rest.email,
    status: rest.status,
    allComponents: rest.allComponents,
    maintenance: rest.maintenance,
    paused: rest.paused,
    manageKeyVersion: rest.manageKeyVersion,
    locale: localeSchema.catch(DEFAULT_LOCALE).parse(rest.locale),
    componentIds: components.map((c) => c.componentId).sort((a, b) => a - b),
  };
}

/** The ids among `ids` that are components the public page shows; a hidden or unknown id is not one. */
export async function publicComponentIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.component.findMany({ where: { id: { in: ids }, hidden: false }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

export async function findSubscriberByEmail(db: Db, emailNormalized: string): Promise<SubscriberRecord | null> {
  const row = await db.subscriber.findUnique({ where: { emailNormalized }, include: withComponents });
  return row ? record(row) : null;
}

export async function findSubscriber(db: Db, id: number): Promise<SubscriberRecord | null> {
  const row = await db.subscriber.findUnique({ where: { id }, include: withComponents });
  return row ? record(row) : null;
}

const componentRows = (choices: Choices) => (choices.allComponents ? [] : choices.componentIds.map((componentId) => ({ componentId })));

export interface PendingRequest {
  email: string;
  emailNormalized: string;
  choices: Choices;
  confirmTokenHash: string;
  confirmExpiresAt: Date;
  consentedAt: Date;
  consentIp: string;
  /** The language of the page the form was sent from. */
  locale: Locale;
}

export async function createPendingSubscriber(db: Db, request: PendingRequest): Promise<void> {
  const { choices, ...fields } = request;
  await db.subscriber.create({
    data: {
      ...fields,
      allComponents: choices.allComponents,
      maintenance: choices.maintenance,
      components: { create: componentRows(choices) },
    },
  });
}

/**
 * A pending or unsubscribed address asked again: new token (the old link stops working), the new
 * choices and consent. An unsubscribed one gets a new key version, so its old links stay dead.
 */
export async function renewPendingSubscriber(db: Db, existing: SubscriberRecord, request: PendingRequest): Promise<void> {
  const { choices, emailNormalized: _, ...fields } = request;
  await db.$transaction([
    db.subscriberComponent.deleteMany({ where: { subscriberId: existing.id } }),
    db.subscriber.update({
      where: { id: existing.id },
      data: {
        ...fields,
        status: "pending",
        allComponents: choices.allComponents,
        maintenance: choices.maintenance,
        paused: false,
        unsubscribedAt: null,
        ...(existing.status === "unsubscribed" ? { manageKeyVersion: { increment: 1 } } : {}),
        components: { create: componentRows(choices) },
      },
    }),
  ]);
}

/** Confirms by the token's hash, once: the same UPDATE clears the hash, so a replay matches nothing. */
export async function confirmByTokenHash(db: Db, hash: string, ip: string, now: Date): Promise<"confirmed" | "expired" | "unknown"> {
  const { count } = await db.subscriber.updateMany({
    where: { confirmTokenHash: hash, status: "pending", confirmExpiresAt: { gt: now } },
    data: { status: "confirmed", confirmedAt: now, confirmIp: ip, confirmTokenHash: null, confirmExpiresAt: null },
  });
  if (count === 1) return "confirmed";
  const stale = await db.subscriber.findUnique({ where: { confirmTokenHash: hash }, select: { id: true } });
  return stale ? "expired" : "unknown";
}

export async function findSubscriberByTokenHash(db: Db, hash: string): Promise<(SubscriberRecord & { confirmExpiresAt: Date | null }) | null> {
  const row = await db.subscriber.findUnique({ where: { confirmTokenHash: hash }, include: withComponents });
  return row ? { ...record(row), confirmExpiresAt: row.confirmExpiresAt } : null;
}

/** Saves the manage page's choices, only for the key version the link was signed with. */
export async function saveChoices(
  db: Db,
  id: number,
  manageKeyVersion: number,
  choices: Choices & { paused: boolean; locale: Locale | undefined },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.subscriber.updateMany({
      where: { id, manageKeyVersion, status: { not: "unsubscribed" } },
      data: { allComponents: choices.allComponents, maintenance: choices.maintenance, paused: choices.paused, locale: choices.locale },
    });
    if (count !== 1) return false;
    await tx.subscriberComponent.deleteMany({ where: { subscriberId: id } });
    if (!choices.allComponents)
      await tx.subscriberComponent.createMany({ data: choices.componentIds.map((componentId) => ({ subscriberId: id, componentId })) });
    return true;
  });
}

/** Unsubscribes; true also when the address already was (a one-click POST may come twice). */
export async function markUnsubscribed(db: Db, id: number, manageKeyVersion: number, now: Date): Promise<boolean> {
  const { count } = await db.subscriber.updateMany({
    where: { id, manageKeyVersion },
    data: { status: "unsubscribed", unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null },
  });
  return count === 1;
}

export interface SubscriberMatch {
  /** The components the mail is about. */
  componentIds: number[];
  /** A maintenance notice goes only to subscribers who asked for maintenance mail. */
  maintenance: boolean;
}

/**
 * The next confirmed, unpaused subscribers (ascending id after `afterId`) who want a mail about
 * these components: every subscriber of all components, and every one who chose an affected
 * component or its system (a system includes its sub-components).
 */
export async function matchingSubscribers(
  db: Db,
  match: SubscriberMatch,
  afterId: number,
  take: number,
): Promise<{ id: number; email: string; manageKeyVersion: number }[]> {
  const parents = await db.component.findMany({ where: { id: { in: match.componentIds }, parentId: { not: null } }, select: { parentId: true } });
  const wanted = [...new Set([...match.componentIds, ...parents.map((row) => row.parentId!)])];
  return db.subscriber.findMany({
    where: {
      status: "confirmed",
      paused: false,
      id: { gt: afterId },
      ...(match.maintenance ? { maintenance: true } : {}),
      OR: [{ allComponents: true }, { components: { some: { componentId: { in: wanted } } } }],
    },
    orderBy: { id: "asc" },
    take,
    select: { id: true, email: true, manageKeyVersion: true },
  });
}
