import { worstWins } from "./merge";
import { worstState } from "./states";
import type { ComponentState, StateInterval, TimelineComponent } from "./types";

/** System id → the ids whose state it shows: itself and its direct sub-components (rule 9). */
function systemMembers(components: readonly TimelineComponent[]): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (const component of components) if (component.parentId === null) members.set(component.id, [component.id]);
  for (const component of components) {
    if (component.parentId !== null) members.get(component.parentId)?.push(component.id);
  }
  return members;
}

/**
 * Worst-wins intervals for every component (known ones get an entry even when empty), systems rolled up.
 * Ids not in `components` keep their own intervals but roll up into nothing.
 */
export function rollUpIntervals(intervals: readonly StateInterval[], components: readonly TimelineComponent[]): Map<number, StateInterval[]> {
  const raw = new Map<number, StateInterval[]>(components.map((component) => [component.id, []]));
  for (const interval of intervals) {
    const list = raw.get(interval.componentId);
    if (list) list.push(interval);
    else raw.set(interval.componentId, [interval]);
  }
  const merged = new Map<number, StateInterval[]>();
  for (const [componentId, list] of raw) merged.set(componentId, worstWins(list, componentId));
  // Worst-wins is associative, so rolling up the members' merged intervals is cheaper and equal.
  for (const [systemId, memberIds] of systemMembers(components)) {
    merged.set(
      systemId,
      worstWins(
        memberIds.flatMap((id) => merged.get(id) ?? []),
        systemId,
      ),
    );
  }
  return merged;
}

/** Every known component's state (green when nothing applies), systems rolled up. */
export function rollUpStates(own: ReadonlyMap<number, ComponentState>, components: readonly TimelineComponent[]): Map<number, ComponentState> {
  const states = new Map<number, ComponentState>(components.map((component) => [component.id, "green"]));
  for (const [componentId, state] of own) states.set(componentId, state);
  for (const [systemId, memberIds] of systemMembers(components)) {
    states.set(systemId, worstState(...memberIds.map((id) => own.get(id) ?? "green")));
  }
  return states;
}
