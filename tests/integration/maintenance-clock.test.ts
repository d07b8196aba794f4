// The maintenance clock on a real database: a window starting by the clock refreshes the public
// views at its start (and again at its end), with no publish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPublicViewsInvalidated } from "@/lib/events/public-views";
import { startMaintenanceClock } from "@/lib/public/maintenance-clock";
import { openTestDatabase, providers } from "../support/test-databases";

describe.each(providers)("the maintenance clock on $name", (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase(provider);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("refreshes the public views when a window starts and when it ends", async () => {
    const start = new Date(Date.now() + 1_500);
    const end = new Date(start.getTime() + 1_000);
    await database.db.incident.create({
      data: { number: 7001, title: "Database upgrade", kind: "maintenance", openedAt: new Date(), scheduledStartAt: start, scheduledEndAt: end },
    });
    const refreshes: number[] = [];
    const unsubscribe = onPublicViewsInvalidated(() => refreshes.push(Date.now()));
    const clock = startMaintenanceClock(database.db);
    try {
      await expect.poll(() => clock.next()?.getTime(), { timeout: 5_000 }).toBe(start.getTime());
      await expect.poll(() => refreshes.length, { timeout: 5_000, interval: 20 }).toBeGreaterThanOrEqual(2);
      expect(refreshes[0]).toBeGreaterThanOrEqual(start.getTime());
      // Within a second of the boundary, as a publish would be.
      expect(refreshes[0]! - start.getTime()).toBeLessThan(1_000);
      expect(refreshes[1]).toBeGreaterThanOrEqual(end.getTime());
      expect(refreshes[1]! - end.getTime()).toBeLessThan(1_000);
      await expect.poll(() => clock.next(), { timeout: 5_000 }).toBeNull();
    } finally {
      clock.stop();
      unsubscribe();
    }
  });
});
