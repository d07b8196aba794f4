import { makeInterval } from "./interval";
import { COMPONENT_STATES, type ComponentState, type StateInterval } from "./types";

const WORST_FIRST = [...COMPONENT_STATES].reverse();

interface Boundary {
  at: number;
  state: ComponentState;
  delta: 1 | -1;
}

/**
 * Sweep over interval boundaries so that at every instant the worst covering state wins (rule 6).
 * Returns sorted, non-overlapping intervals with equal neighbours coalesced; green means "no effect".
 * All input intervals are treated as one timeline and labelled `componentId`.
 */
export function worstWins(intervals: readonly StateInterval[], componentId: number): StateInterval[] {
  const boundaries: Boundary[] = [];
  for (const { state, start, end } of intervals) {
    if (state === "green" || end.getTime() <= start.getTime()) continue;
    boundaries.push({ at: start.getTime(), state, delta: 1 }, { at: end.getTime(), state, delta: -1 });
  }
  boundaries.sort((a, b) => a.at - b.at);

  const covering: Record<ComponentState, number> = { green: 0, blue: 0, yellow: 0, red: 0 };
  const merged: StateInterval[] = [];
  let openState: ComponentState = "green";
  let openStart = 0;
  boundaries.forEach((boundary, index) => {
    covering[boundary.state] += boundary.delta;
    // Decide only once every boundary at this instant is applied, so touching intervals do not split.
    if (boundaries[index + 1]?.at === boundary.at) return;
    const state = WORST_FIRST.find((candidate) => covering[candidate] > 0) ?? "green";
    if (state === openState) return;
    if (openState !== "green") merged.push(makeInterval(componentId, openState, openStart, boundary.at));
    openState = state;
    openStart = boundary.at;
  });
  return merged;
}
