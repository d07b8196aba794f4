// Builds one incident or maintenance from a scenario: post times, types, texts and state changes.
import type { Random } from "./random";
import { GENERIC_UPDATES, type IncidentScenario, type MaintenanceScenario } from "./scenarios";
import { addMinutes, formatWindow } from "./time";
import { incident, post, setState, type DemoPost, type UnnumberedIncident } from "./types";

const SHORTEST_MINUTES = 10;
const LONGEST_MINUTES = 240;

/** Distinct whole-minute offsets strictly inside (0, total), ascending. */
function interiorMinutes(random: Random, count: number, total: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(1, total - 1));
  return [...chosen].sort((a, b) => a - b);
}

/** Investigating, issue, `postCount - 3` updates (the last one recovering) and resolved; at most 4 hours. */
export function buildIncident(random: Random, scenario: IncidentScenario, startAt: Date, postCount: number): UnnumberedIncident {
  const { componentSlugs: slugs, severity } = scenario;
  // Log-uniform: most incidents are short, a few last hours; room for one post every 3 minutes at least.
  const minutes = Math.max(postCount * 3, Math.round(SHORTEST_MINUTES * (LONGEST_MINUTES / SHORTEST_MINUTES) ** random.next()));
  const degradedFromStart = random.chance(0.5);
  const updateCount = postCount - 3;
  const updateBody = (index: number): string => (index === updateCount - 1 ? scenario.recovering : (scenario.updates[index] ?? random.pick(GENERIC_UPDATES)));
  const updateChanges = (index: number) => (index === updateCount - 1 && severity === "red" ? setState(slugs, "yellow") : []);

  const middle = interiorMinutes(random, postCount - 2, minutes).map((offset, index): DemoPost => {
    const at = addMinutes(startAt, offset);
    if (index === 0) return post("issue", at, scenario.issue, degradedFromStart && severity === "yellow" ? [] : setState(slugs, severity));
    return post("update", at, updateBody(index - 1), updateChanges(index - 1));
  });
  return incident(scenario.title, slugs, [
    post("investigating", startAt, scenario.investigating, degradedFromStart ? setState(slugs, "yellow") : []),
    ...middle,
    post("resolved", addMinutes(startAt, minutes), scenario.resolved),
  ]);
}

/** A maintenance as announced: one `scheduled` post turning its components blue for the window. */
export function announceMaintenance(scenario: MaintenanceScenario, window: { start: Date; minutes: number }, announcedAt: Date): UnnumberedIncident {
  const end = addMinutes(window.start, window.minutes);
  return {
    title: scenario.title,
    kind: "maintenance",
    openedAt: announcedAt,
    scheduledStartAt: window.start,
    scheduledEndAt: end,
    componentSlugs: scenario.componentSlugs,
    posts: [post("scheduled", announcedAt, `${scenario.scheduled}\n\nWindow: ${formatWindow(window.start, end)}.`, setState(scenario.componentSlugs, "blue"))],
  };
}

/** The same maintenance after it ran: in progress at the window's start, resolved up to 20 minutes early. */
export function completeMaintenance(random: Random, scenario: MaintenanceScenario, announced: UnnumberedIncident): UnnumberedIncident {
  const { scheduledStartAt: start, scheduledEndAt: end } = announced;
  if (!start || !end) throw new RangeError(`maintenance "${announced.title}" has no window`);
  return {
    ...announced,
    posts: [...announced.posts, post("update", start, scenario.inProgress), post("resolved", addMinutes(end, -random.int(0, 20)), scenario.completed)],
  };
}
