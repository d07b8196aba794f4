import { describe, expect, it } from "vitest";
import { maintenanceImpact, type MaintenanceChange, type ScheduledMaintenance } from "@/lib/incidents/maintenance-impact";
import type { TimelineIncident } from "@/lib/timeline/types";
import { DEVELOPMENT, PRODUCTION, twoSystems } from "./systems";

const NOW = new Date("2026-11-22T12:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const DASHBOARD = 3;
const components = twoSystems({ id: DASHBOARD, name: "Dashboard", slug: "dashboard" });

function maintenance(number: number, start: Date, end: Date, componentIds = [DASHBOARD]): ScheduledMaintenance {
  const post = {
    id: number * 10,
    type: "scheduled" as const,
    postedAt: at(-24),
    createdAt: at(-24),
    stateChanges: componentIds.map((componentId) => ({ componentId, state: "blue" as const })),
  };
  return {
    id: number,
    number,
    title: `Maintenance ${number}`,
    kind: "maintenance",
    openedAt: at(-24),
    scheduledStartAt: start,
    scheduledEndAt: end,
    componentIds,
    posts: [post],
  };
}

const schedule = (overrides: Partial<Extract<MaintenanceChange, { action: "schedule" }>> = {}): MaintenanceChange => ({
  action: "schedule",
  title: "Dashboard upgrade",
  componentIds: [DASHBOARD],
  startsAt: at(14),
  endsAt: at(16),
  body: "We are upgrading the Dashboard.",
  ...overrides,
});
const impact = (change: MaintenanceChange, active: TimelineIncident[] = [], webhooks?: { componentIds: number[]; events: string[] }[]) =>
  maintenanceImpact({ components, active, change, now: NOW, webhooks });
const line = (result: ReturnType<typeof impact>, name: string) => result.changes.find((change) => change.name === name);
const codes = (result: ReturnType<typeof impact>) => result.warnings.map((warning) => warning.code);

describe("maintenanceImpact: the diff customers will see", () => {
  it("scheduling shows the components going blue during the window, other systems unchanged, and where it appears", () => {
    const result = impact(
      schedule(),
      [],
      [
        { componentIds: [], events: [] },
        { componentIds: [DEVELOPMENT], events: [] },
        { componentIds: [], events: ["incident.opened"] },
      ],
    );
    expect(result.incident).toBe("schedules");
    expect(result.changes).toEqual([
      { componentId: PRODUCTION, name: "Production", isSystem: true, before: "green", after: "blue", window: { start: at(14), end: at(16) } },
      { componentId: DEVELOPMENT, name: "Development", isSystem: true, before: "green", after: "green" },
      { componentId: DASHBOARD, name: "Dashboard", isSystem: false, before: "green", after: "blue", window: { start: at(14), end: at(16) } },
    ]);
    expect(result.announcements).toEqual([
      "A new scheduled maintenance on the public page, the RSS/Atom feeds and the APIs: upcoming until Nov 23, 2026 02:00 UTC, under maintenance until Nov 23, 2026 04:00 UTC",
      "A new event in the maintenance calendar /maintenance.ics",
      "1 webhook subscriber will be notified",
    ]);
    expect(result.post).toMatchObject({
      title: "Dashboard upgrade",
      type: "scheduled",
      body: "We are upgrading the Dashboard.",
      window: { start: at(14), end: at(16) },
    });
    expect(result.warnings).toEqual([]);
  });

  it("extending shows blue for the added time only, from the old end to the new one", () => {
    const running = maintenance(7, at(-1), at(1));
    const result = impact({ action: "extend", maintenance: running, endsAt: at(3), body: "Taking longer." }, [running]);
    expect(result.incident).toBe("extends");
    expect(line(result, "Dashboard")).toMatchObject({ before: "green", after: "blue", window: { start: at(1), end: at(3) } });
    expect(result.announcements[1]).toBe(
      "The window now ends Nov 22, 2026 15:00 UTC instead of Nov 22, 2026 13:00 UTC, also in the maintenance calendar /maintenance.ics",
    );
    expect(result.post).toMatchObject({ type: "update", title: "Maintenance 7", window: { start: at(-1), end: at(3) } });
  });

  it("ending early turns the components green now; cancelling removes the blue window", () => {
    const running = maintenance(7, at(-1), at(1));
    const ended = impact({ action: "end_early", maintenance: running, body: "Done." }, [running]);
    expect(ended.incident).toBe("ends-early");
    expect(line(ended, "Dashboard")).toEqual({ componentId: DASHBOARD, name: "Dashboard", isSystem: false, before: "blue", after: "green" });
    expect(ended.announcements[1]).toMatch(/ends now .* and leaves the maintenance calendar/);

    const upcoming = maintenance(8, at(5), at(6));
    const cancelled = impact({ action: "cancel", maintenance: upcoming, body: "Postponed." }, [upcoming]);
    expect(cancelled.incident).toBe("cancels");
    expect(line(cancelled, "Dashboard")).toMatchObject({ before: "blue", after: "green", window: { start: at(5), end: at(6) } });
    expect(cancelled.post.type).toBe("resolved");
  });

  it("a window under an open outage says what customers will really see: the worst state stays", () => {
    const outage: TimelineIncident = {
      id: 3,
      number: 3,
      title: "Outage",
      kind: "incident",
      openedAt: at(-1),
      scheduledStartAt: null,
      scheduledEndAt: null,
      componentIds: [DASHBOARD],
      posts: [{ id: 30, type: "issue", postedAt: at(-1), createdAt: at(-1), stateChanges: [{ componentId: DASHBOARD, state: "red" }] }],
    };
    expect(line(impact(schedule(), [outage]), "Dashboard")).toBeUndefined();
    expect(line(impact(schedule(), [outage]), "Production")).toMatchObject({ before: "red", after: "red" });
  });
});

describe("maintenanceImpact: guardrails", () => {
  it("warns when the window has already started", () => {
    const result = impact(schedule({ startsAt: at(-1) }));
    expect(codes(result)).toEqual(["window-started"]);
    expect(result.warnings[0]!.message).toMatch(/Nov 22, 2026 11:00 UTC, which has already passed/);
    expect(line(result, "Dashboard")?.window?.start).toEqual(NOW);
  });

  it("warns when the window overlaps another unfinished maintenance of the same component or its system", () => {
    const other = maintenance(5, at(15), at(17), [PRODUCTION]);
    const result = impact(schedule(), [other]);
    expect(codes(result)).toEqual(["maintenance-overlap"]);
    expect(result.warnings[0]!.message).toContain("#5 “Maintenance 5” (Nov 23, 2026 03:00 UTC – Nov 23, 2026 05:00 UTC) on Dashboard");
    expect(codes(impact(schedule({ startsAt: at(17), endsAt: at(18) }), [other]))).toEqual([]);
    expect(codes(impact(schedule({ componentIds: [DEVELOPMENT] }), [other]))).toEqual([]);
  });

  it("warns when an extension runs into another maintenance, but not about the window it already had", () => {
    const running = maintenance(7, at(-1), at(1));
    const next = maintenance(9, at(2), at(4));
    expect(codes(impact({ action: "extend", maintenance: running, endsAt: at(3), body: "x" }, [running, next]))).toEqual(["maintenance-overlap"]);
    expect(codes(impact({ action: "extend", maintenance: running, endsAt: at(1.5), body: "x" }, [running, next]))).toEqual([]);
  });

  it("warns about template placeholders left in the title or body", () => {
    expect(codes(impact(schedule({ title: "Maintenance on {component}" })))).toEqual(["placeholder"]);
    const running = maintenance(7, at(-1), at(1));
    expect(codes(impact({ action: "end_early", maintenance: running, body: "Finished on {component}." }, [running]))).toEqual(["placeholder"]);
  });

  it("the hash changes with anything customers would see, and only then", () => {
    const base = impact(schedule()).hash;
    expect(impact(schedule()).hash).toBe(base);
    expect(impact(schedule({ endsAt: at(17) })).hash).not.toBe(base);
    expect(impact(schedule({ body: "Other text." })).hash).not.toBe(base);
    expect(impact(schedule({ componentIds: [DEVELOPMENT] })).hash).not.toBe(base);
    expect(impact(schedule(), [maintenance(5, at(15), at(17))]).hash).not.toBe(base);
  });
});
