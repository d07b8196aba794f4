// Bulk history for load tests and pagination: N incidents over the 8 years before the demo's 90 days.
import { announceMaintenance, buildIncident, completeMaintenance } from "./generate";
import { createRandom, type Random } from "./random";
import { INCIDENT_SCENARIOS, MAINTENANCE_SCENARIOS } from "./scenarios";
import { addMinutes, ceilTo, floorTo } from "./time";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/timeline/dates";
import { numberInTimeOrder, type DemoIncident, type UnnumberedIncident } from "./types";

/** Synthetic numbers start here, far above the demo's (386, 2105, 2400…), so both can share a database. */
export const SYNTHETIC_FIRST_NUMBER = 100_000;
const SPAN_DAYS = 8 * 365 + 2;
/** Ends where the demo's last 90 days begin, so the status page stays readable. */
const END_DAYS_BEFORE_TODAY = 90;

/**
 * `count` resolved incidents and completed maintenances (≈ 15 %), ≈ 10 posts each on average,
 * numbered from 100000 in time order. Same `count` → same titles, numbers, texts and order; the
 * times are fixed relative to the UTC day of `now`.
 */
export function syntheticHistory(count: number, now: Date): DemoIncident[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const random = createRandom(count);
  const endMs = floorTo(now, DAY_MS).getTime() - END_DAYS_BEFORE_TODAY * DAY_MS;
  const spanMs = SPAN_DAYS * DAY_MS - 5 * HOUR_MS;
  const incidents = Array.from({ length: count }, () => {
    const startAt = floorTo(new Date(endMs - SPAN_DAYS * DAY_MS + random.next() * spanMs), MINUTE_MS);
    return random.chance(0.15) ? syntheticMaintenance(random, startAt) : buildIncident(random, random.pick(INCIDENT_SCENARIOS), startAt, random.int(3, 19));
  });
  return numberInTimeOrder(incidents, SYNTHETIC_FIRST_NUMBER);
}

function syntheticMaintenance(random: Random, startAt: Date): UnnumberedIncident {
  const scenario = random.pick(MAINTENANCE_SCENARIOS);
  const window = { start: ceilTo(startAt, HOUR_MS), minutes: random.pick([60, 120, 180, 240]) };
  const announcedAt = addMinutes(window.start, -random.int(24 * 60, 7 * 24 * 60));
  return completeMaintenance(random, scenario, announceMaintenance(scenario, window, announcedAt));
}
