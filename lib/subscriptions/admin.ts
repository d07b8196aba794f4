// What /admin/subscribers reads and changes: counts, a search by address, each subscriber's
// components and consent, removal (audited) and the CSV export. Admin only: never public.
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale, localeSchema } from "@/lib/i18n";
import type { SubscriberStatus } from "./store";

export interface SubscriberCounts {
  confirmed: number;
  pending: number;
  unsubscribed: number;
  paused: number;
}

export async function subscriberCounts(db: Db): Promise<SubscriberCounts> {
  const [byStatus, paused] = await Promise.all([
    db.subscriber.groupBy({ by: ["status"], _count: { _all: true } }),
    db.subscriber.count({ where: { status: "confirmed", paused: true } }),
  ]);
  const count = (status: SubscriberStatus) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return { confirmed: count("confirmed"), pending: count("pending"), unsubscribed: count("unsubscribed"), paused };
}

export interface SubscriberListing {
  id: number;
  email: string;
  status: SubscriberStatus;
  paused: boolean;
  maintenance: boolean;
  /** "All components", or the chosen components' names. */
  components: string;
  consentedAt: Date;
  consentIp: string;
  confirmedAt: Date | null;
  confirmIp: string | null;
  /** The language its mails are written in. */
  locale: Locale;
}

export const SUBSCRIBER_PAGE_SIZE = 100;

/** Newest first; `search` matches part of the address, case-insensitively; `take` null: all of them. */
export async function listSubscribers(db: Db, search: string, take: number | null = SUBSCRIBER_PAGE_SIZE): Promise<SubscriberListing[]> {
  const rows = await db.subscriber.findMany({
    where: search ? { emailNormalized: { contains: search.trim().toLowerCase() } } : {},
    orderBy: { id: "desc" },
    take: take ?? undefined,
    include: { components: { select: { component: { select: { name: true } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    status: row.status,
    paused: row.paused,
    maintenance: row.maintenance,
    components: row.allComponents ? "All components" : row.components.map((c) => c.component.name).join(", "),
    consentedAt: row.consentedAt,
    consentIp: row.consentIp,
    confirmedAt: row.confirmedAt,
    confirmIp: row.confirmIp,
    locale: localeSchema.catch(DEFAULT_LOCALE).parse(row.locale),
  }));
}

/** Deletes the subscriber and its deliveries; the audit event keeps no address. */
export async function removeSubscriber(db: Db, actor: Actor, id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id }, select: { status: true } });
    if (!row) return;
    await tx.subscriber.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "subscriber.remove", targetType: "subscriber", targetId: id, before: { status: row.status } });
  });
}

export const SUBSCRIBER_CSV_COLUMNS = [
  "email",
  "status",
  "paused",
  "maintenance",
  "components",
  "consented_at",
  "consent_ip",
  "confirmed_at",
  "confirm_ip",
  "language",
] as const;

export function subscriberCsvRow(row: SubscriberListing): string[] {
  return [
    row.email,
    row.status,
    String(row.paused),
    String(row.maintenance),
    row.components,
    row.consentedAt.toISOString(),
    row.consentIp,
    row.confirmedAt?.toISOString() ?? "",
    row.confirmIp ?? "",
    row.locale,
  ];
}
