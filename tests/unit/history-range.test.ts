import { describe, expect, it } from "vitest";
import { historyPageRange, historyQuerySchema } from "@/lib/public/history-range";

describe("historyPageRange", () => {
  const now = new Date("2026-02-10T08:00:00Z");

  it("page 1 is this month and the two before, newest first", () => {
    const range = historyPageRange(1, now);
    expect(range.months.map((month) => month.key)).toEqual(["2026-02", "2026-01", "2025-12"]);
    expect(range.from.toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(range.months[0]!.label).toBe("February 2026");
  });

  it("page 2 continues where page 1 ended", () => {
    expect(historyPageRange(2, now).months.map((month) => month.key)).toEqual(["2025-11", "2025-10", "2025-09"]);
  });
});

describe("historyQuerySchema", () => {
  it("accepts the defaults and rejects nonsense", () => {
    expect(historyQuerySchema.parse({})).toEqual({ page: 1, component: null });
    expect(historyQuerySchema.safeParse({ page: "0" }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ page: "x" }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ component: "<script>" }).success).toBe(false);
  });
});
