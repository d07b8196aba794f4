/**
 * Demo data for Beacon: PURE builders (no I/O, `now` passed in, seeded PRNG) returning plain
 * components and incidents that reference components by slug. lib/db/seed.ts inserts them.
 *
 * Numbers: #386 and #2105 are real Heroku incidents; the rest of the demo is numbered from 2400 in
 * time order; syntheticHistory() from 100000 in time order.
 */
import { DEMO_COMPONENTS } from "./components";
import { gitPush401Incident2105, widespreadOutage386 } from "./landmark-incidents";
import { openPlatformApiIncident, upcomingAddOnMaintenance } from "./live-incidents";
import { recentHistory } from "./recent-history";
import { numberInTimeOrder, type DemoDataset } from "./types";

export const DEMO_FIRST_GENERATED_NUMBER = 2400;

/** The same UTC day of `now` always gives the same history; the live incidents follow `now` itself. */
export function demoDataset(now: Date): DemoDataset {
  const generated = [...recentHistory(now), upcomingAddOnMaintenance(now), openPlatformApiIncident(now)];
  return {
    components: [...DEMO_COMPONENTS],
    incidents: [widespreadOutage386(), gitPush401Incident2105(), ...numberInTimeOrder(generated, DEMO_FIRST_GENERATED_NUMBER)],
  };
}

export { DEMO_COMPONENTS } from "./components";
export { type DemoActionItem, type DemoPostmortem, demoPostmortems } from "./postmortems";
export { syntheticHistory, SYNTHETIC_FIRST_NUMBER } from "./synthetic";
export { demoToTimeline, numberedComponents } from "./timeline";
export type { DemoComponent, DemoDataset, DemoIncident, DemoPost, DemoStateChange } from "./types";
