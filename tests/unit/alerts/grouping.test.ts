// What a received alert does given what Beacon knows about it: idempotent repeats, resolving,
// flapping within the cool-down, routing, and when a storm begins.
import { describe, expect, it } from "vitest";
import { COOL_DOWN_MS, decide, type KnownAlert, stormReached } from "@/lib/alerts/grouping";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

function known(fields: Partial<KnownAlert> = {}): KnownAlert {
  return { status: "firing", statusChangedAt: ago(60 * 60_000), draftId: null, draftStatus: null, incidentId: null, incidentOpen: false, ...fields };
}

describe("decide", () => {
  it("a new firing alert looks for its group when a rule routes it, else is unrouted", () => {
    expect(decide("firing", null, true, now)).toEqual({ kind: "find-group" });
    expect(decide("firing", null, false, now)).toEqual({ kind: "unrouted" });
  });

  it("the same notification again changes nothing, on a draft, an incident, or a dismissed draft", () => {
    expect(decide("firing", known({ draftId: 1, draftStatus: "open" }), true, now)).toMatchObject({ kind: "ignore", why: expect.stringContaining("repeated") });
    expect(decide("firing", known({ incidentId: 4, incidentOpen: true }), true, now)).toMatchObject({ kind: "ignore" });
    expect(decide("firing", known({ draftId: 1, draftStatus: "dismissed" }), true, now)).toMatchObject({
      kind: "ignore",
      why: expect.stringContaining("dismissed"),
    });
    expect(decide("resolved", known({ status: "resolved", incidentId: 4 }), true, now)).toMatchObject({ kind: "ignore", why: "was already resolved" });
  });

  it("resolves only what it saw firing", () => {
    expect(decide("resolved", null, true, now)).toMatchObject({ kind: "ignore", why: expect.stringContaining("before Beacon saw it fire") });
    expect(decide("resolved", known({ incidentId: 4, incidentOpen: true }), true, now)).toEqual({ kind: "resolve" });
  });

  it("flapping within the cool-down goes back to its open incident or draft, and never reopens a resolved incident", () => {
    const justResolved = { status: "resolved" as const, statusChangedAt: ago(COOL_DOWN_MS - 1) };
    expect(decide("firing", known({ ...justResolved, incidentId: 4, incidentOpen: true }), true, now)).toEqual({
      kind: "attach-to-incident",
      incidentId: 4,
      flapping: true,
    });
    expect(decide("firing", known({ ...justResolved, draftId: 2, draftStatus: "open" }), true, now)).toEqual({ kind: "stay-on-draft", flapping: true });
    expect(decide("firing", known({ ...justResolved, incidentId: 4, incidentOpen: false }), true, now)).toMatchObject({
      kind: "ignore",
      why: expect.stringContaining("cool-down"),
    });
    // Also when the rule that routed it is gone: flapping is about the alert, not the rule.
    expect(decide("firing", known({ ...justResolved, incidentId: 4, incidentOpen: false }), false, now)).toMatchObject({ kind: "ignore" });
  });

  it("firing again after the cool-down is a new problem: a resolved incident is left alone and the group is looked for", () => {
    const longResolved = { status: "resolved" as const, statusChangedAt: ago(COOL_DOWN_MS) };
    expect(decide("firing", known({ ...longResolved, incidentId: 4, incidentOpen: false }), true, now)).toEqual({ kind: "find-group" });
    expect(decide("firing", known({ ...longResolved, incidentId: 4, incidentOpen: true }), true, now)).toEqual({
      kind: "attach-to-incident",
      incidentId: 4,
      flapping: false,
    });
    expect(decide("firing", known({ ...longResolved, incidentId: 4, incidentOpen: false }), false, now)).toEqual({ kind: "unrouted" });
  });
});

describe("stormReached", () => {
  it("lets N openings through within the window and collapses the next ones", () => {
    expect([0, 4, 5, 6].map((recent) => stormReached(recent, 5))).toEqual([false, false, true, true]);
  });
});
