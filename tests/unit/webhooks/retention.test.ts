import { describe, expect, it } from "vitest";
import { prunableDeliveries, WEBHOOK_RETENTION, type RetainedDelivery, type RetentionPolicy } from "@/lib/webhooks/retention";

const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const SMALL: RetentionPolicy = { ...WEBHOOK_RETENTION, maxAgeMs: 30 * DAY, keepPerEndpoint: 3 };

let nextId = 0;
const row = (age: number, status: RetainedDelivery["status"] = "delivered", id = ++nextId): RetainedDelivery => ({ id, status, createdAt: daysAgo(age) });

describe("webhook delivery retention", () => {
  it("keeps 30 days and the newest 100 finished deliveries per endpoint, pruning hourly", () => {
    expect(WEBHOOK_RETENTION).toMatchObject({ maxAgeMs: 30 * DAY, keepPerEndpoint: 100, intervalMs: 3_600_000 });
  });

  it("deletes finished deliveries older than the retention period beyond the newest few", () => {
    const rows = [row(1), row(2), row(3), row(40, "delivered"), row(50, "failed"), row(10)];
    expect(prunableDeliveries(rows, NOW, SMALL)).toEqual([rows[3]!.id, rows[4]!.id]);
  });

  it("never deletes a pending delivery, however old", () => {
    const rows = [row(1), row(2), row(3), row(400, "pending"), row(60)];
    expect(prunableDeliveries(rows, NOW, SMALL)).toEqual([rows[4]!.id]);
  });

  it("keeps the newest finished deliveries whatever their age, so the admin's log is never empty", () => {
    const rows = [row(90), row(80), row(70), row(60), row(100)];
    expect(prunableDeliveries(rows, NOW, SMALL).sort()).toEqual([rows[0]!.id, rows[4]!.id].sort());
    expect(prunableDeliveries(rows.slice(0, 3), NOW, SMALL)).toEqual([]);
  });

  it("does not count pending deliveries among the newest kept", () => {
    const rows = [row(0, "pending"), row(0, "pending"), row(0, "pending"), row(40), row(41), row(42), row(43)];
    expect(prunableDeliveries(rows, NOW, SMALL)).toEqual([rows[6]!.id]);
  });

  it("keeps a delivery queued exactly at the cutoff and deletes one a millisecond older", () => {
    const cutoff = new Date(NOW.getTime() - 30 * DAY);
    const rows = [
      row(1),
      row(1),
      row(1),
      { id: 100, status: "failed" as const, createdAt: cutoff },
      { id: 101, status: "failed" as const, createdAt: new Date(cutoff.getTime() - 1) },
    ];
    expect(prunableDeliveries(rows, NOW, SMALL)).toEqual([101]);
  });

  it("breaks ties in queue time by id, so a publish's rows for one endpoint are kept or dropped in order", () => {
    const rows = [200, 201, 202, 203, 204].map((id) => row(45, "delivered", id));
    expect(prunableDeliveries(rows, NOW, SMALL)).toEqual([200, 201]);
  });

  it("with the default policy: 150 old deliveries leave the newest 100", () => {
    const rows = Array.from({ length: 150 }, (_, index) => row(200 - index));
    const pruned = prunableDeliveries(rows, NOW);
    expect(pruned).toEqual(rows.slice(0, 50).map((kept) => kept.id));
  });
});
