import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { invalidatePublicViews, onPublicViewsInvalidated } from "@/lib/events/public-views";
import { startMaintenanceClock, upcomingBoundaries } from "@/lib/public/maintenance-clock";

const at = (iso: string) => new Date(iso);

describe("upcomingBoundaries", () => {
  const now = at("2026-11-22T10:00:00Z");

  it("lists every future start and end, earliest first", () => {
    const windows = [
      { scheduledStartAt: at("2026-11-22T12:00:00Z"), scheduledEndAt: at("2026-11-22T14:00:00Z") },
      // In progress: only its end lies ahead.
      { scheduledStartAt: at("2026-11-22T09:00:00Z"), scheduledEndAt: at("2026-11-22T11:00:00Z") },
    ];
    expect(upcomingBoundaries(windows, now)).toEqual([at("2026-11-22T11:00:00Z"), at("2026-11-22T12:00:00Z"), at("2026-11-22T14:00:00Z")]);
  });

  it("ignores boundaries at or before now and windows without times, and lists a shared time once", () => {
    const windows = [
      { scheduledStartAt: now, scheduledEndAt: at("2026-11-22T10:30:00Z") },
      { scheduledStartAt: at("2026-11-22T10:30:00Z"), scheduledEndAt: null },
      { scheduledStartAt: null, scheduledEndAt: null },
    ];
    expect(upcomingBoundaries(windows, now)).toEqual([at("2026-11-22T10:30:00Z")]);
    expect(upcomingBoundaries([{ scheduledStartAt: at("2026-11-22T08:00:00Z"), scheduledEndAt: at("2026-11-22T09:00:00Z") }], now)).toEqual([]);
    expect(upcomingBoundaries([], now)).toEqual([]);
  });
});

describe("the maintenance clock", () => {
  const start = at("2026-11-22T10:00:10Z");
  const end = at("2026-11-22T10:00:20Z");
  let refreshes: Date[];
  let unsubscribe: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    vi.setSystemTime(at("2026-11-22T10:00:00Z"));
    refreshes = [];
    unsubscribe = onPublicViewsInvalidated(() => refreshes.push(new Date()));
  });

  afterEach(() => {
    unsubscribe();
    vi.useRealTimers();
  });

  /** A database whose reads of the windows answer from `answer` (which may throw). */
  const databaseAnswering = (answer: (call: number) => Promise<object[]>) => {
    let calls = 0;
    const db = { incident: { findMany: () => answer(++calls) }, $transaction: () => Promise.reject(new Error("no mail here")) };
    return { db: db as unknown as Db, calls: () => calls };
  };

  it("refreshes at a window's start and end even when reading the windows again fails", async () => {
    const { db, calls } = databaseAnswering((call) =>
      call === 1 ? Promise.resolve([{ scheduledStartAt: start, scheduledEndAt: end }]) : Promise.reject(new Error("database unreachable")),
    );
    const clock = startMaintenanceClock(db);
    try {
      await vi.advanceTimersByTimeAsync(0);
      expect(clock.next()).toEqual(start);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(refreshes).toEqual([start]);
      expect(calls()).toBe(2); // the re-read after the start failed…
      expect(clock.next()).toEqual(end); // …and the end is armed all the same
      await vi.advanceTimersByTimeAsync(10_000);
      expect(refreshes).toEqual([start, end]);
      expect(clock.next()).toBeNull();
    } finally {
      clock.stop();
    }
  });

  it("retries a failed read and then waits for the boundaries it finds", async () => {
    const { db } = databaseAnswering((call) =>
      call === 1
        ? Promise.reject(new Error("database unreachable"))
        : Promise.resolve([{ scheduledStartAt: at("2026-11-22T10:05:00Z"), scheduledEndAt: null }]),
    );
    const clock = startMaintenanceClock(db);
    try {
      await vi.advanceTimersByTimeAsync(0);
      expect(clock.next()).toBeNull();
      await vi.advanceTimersByTimeAsync(30_000);
      expect(clock.next()).toEqual(at("2026-11-22T10:05:00Z"));
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(refreshes).toEqual([at("2026-11-22T10:05:00Z")]);
    } finally {
      clock.stop();
    }
  });

  it("follows a publish: a window added later is read and armed", async () => {
    let windows: object[] = [];
    const { db } = databaseAnswering(() => Promise.resolve(windows));
    const clock = startMaintenanceClock(db);
    try {
      await vi.advanceTimersByTimeAsync(0);
      expect(clock.next()).toBeNull();
      windows = [{ scheduledStartAt: start, scheduledEndAt: end }];
      invalidatePublicViews();
      await vi.advanceTimersByTimeAsync(0);
      expect(clock.next()).toEqual(start);
    } finally {
      clock.stop();
    }
  });
});
