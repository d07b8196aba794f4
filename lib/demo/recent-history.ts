// The last 90 days of the demo: 10–14 resolved incidents and one completed maintenance.
import { buildIncident, announceMaintenance, completeMaintenance } from "./generate";
import { createRandom, type Random } from "./random";
import { INCIDENT_SCENARIOS, MAINTENANCE_SCENARIOS } from "./scenarios";
import { addMinutes, ceilTo, floorTo } from "./time";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/timeline/dates";
import type { UnnumberedIncident } from "./types";

/** History lies in [today − 88 days, today − 1 day), so it is inside any "last 90 days" and never reaches `now`. */
const FIRST_DAY_BEFORE_TODAY = 88;
const HISTORY_DAYS = 87;

/** The same UTC day always gives the same history: the seed is its date (20261122). */
export function seedForDay(now: Date): number {
  return Number(now.toISOString().slice(0, 10).replaceAll("-", ""));
}

export function recentHistory(now: Date): UnnumberedIncident[] {
  const random = createRandom(seedForDay(now));
  const scenarios = random.shuffle(INCIDENT_SCENARIOS).slice(0, random.int(10, 14));
  // One slot per incident plus the maintenance; an incident (≤ 4h) fits well inside its slot (≥ 5 days).
  const slotCount = scenarios.length + 1;
  const slotMs = (HISTORY_DAYS * DAY_MS) / slotCount;
  const firstMs = floorTo(now, DAY_MS).getTime() - FIRST_DAY_BEFORE_TODAY * DAY_MS;
  const maintenanceSlot = random.int(0, slotCount - 1);
  const slotStarts = Array.from({ length: slotCount }, (_, slot) => firstMs + slot * slotMs);

  const incidents = scenarios.map((scenario, index) => {
    const slotStart = slotStarts[index < maintenanceSlot ? index : index + 1] ?? firstMs;
    const startAt = floorTo(new Date(slotStart + random.next() * (slotMs - 5 * HOUR_MS)), MINUTE_MS);
    return buildIncident(random, scenario, startAt, random.int(3, 6));
  });
  return [...incidents, pastMaintenance(random, slotStarts[maintenanceSlot] ?? firstMs, slotMs)];
}

function pastMaintenance(random: Random, slotStart: number, slotMs: number): UnnumberedIncident {
  const scenario = random.pick(MAINTENANCE_SCENARIOS);
  const start = ceilTo(new Date(slotStart + random.next() * (slotMs - 3 * HOUR_MS)), HOUR_MS);
  const announcedAt = addMinutes(start, -random.int(2 * 24 * 60, 4 * 24 * 60));
  return completeMaintenance(random, scenario, announceMaintenance(scenario, { start, minutes: 120 }, announcedAt));
}
