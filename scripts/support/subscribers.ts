// Many confirmed subscribers at once, for the fan-out bench and tests: one INSERT … SELECT over a
// recursive counter (the same SQL on SQLite and PostgreSQL), copying a template row's columns so
// every value is stored exactly as Prisma stores it. 100,000 rows take about a second.
import type { Db } from "../../lib/db/client";

/** Inserts `count` confirmed subscribers to every component, s<first>@example.org onwards; returns the first new id. */
export async function insertConfirmedSubscribers(db: Db, count: number, first = 0): Promise<number> {
  const template = await db.subscriber.create({
    data: { email: `s${first}@example.org`, emailNormalized: `s${first}@example.org`, status: "confirmed", allComponents: true, consentedAt: new Date() },
  });
  if (count > 1)
    await db.$executeRawUnsafe(
      `WITH RECURSIVE n(i) AS (SELECT ${first + 1} UNION ALL SELECT i + 1 FROM n WHERE i < ${first + count - 1})
       INSERT INTO "Subscriber" ("email", "emailNormalized", "status", "allComponents", "maintenance", "paused", "consentedAt", "consentIp", "manageKeyVersion", "createdAt", "updatedAt")
       SELECT 's' || n.i || '@example.org', 's' || n.i || '@example.org', t."status", t."allComponents", t."maintenance", t."paused", t."consentedAt", t."consentIp", t."manageKeyVersion", t."createdAt", t."updatedAt"
       FROM n, "Subscriber" t WHERE t."id" = ${template.id}`,
    );
  return template.id;
}
