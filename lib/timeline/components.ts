import { incidentEffects, incidentIntervals } from "./effects";
import { rollUpIntervals, rollUpStates } from "./rollup";
import { worstState } from "./states";
import type { ComponentState, StateInterval, TimelineComponent, TimelineIncident } from "./types";

/** Each component's state over time across all incidents (worst wins), systems rolled up. */
export function componentIntervals(incidents: readonly TimelineIncident[], components: readonly TimelineComponent[], now: Date): Map<number, StateInterval[]> {
  return rollUpIntervals(
    incidents.flatMap((incident) => incidentIntervals(incident, now)),
    components,
  );
}

/** Each component's state right now, green when nothing applies, systems rolled up. */
export function currentStates(incidents: readonly TimelineIncident[], components: readonly TimelineComponent[], now: Date): Map<number, ComponentState> {
  const own = new Map<number, ComponentState>();
  for (const incident of incidents) {
    for (const segment of incidentEffects(incident, now).segments) {
      if (segment.running) own.set(segment.componentId, worstState(own.get(segment.componentId) ?? "green", segment.state));
    }
  }
  return rollUpStates(own, components);
}

/** The page headline: the worst state across systems (which already include their sub-components). */
export function overallState(components: readonly TimelineComponent[], states: ReadonlyMap<number, ComponentState>): ComponentState {
  return worstState(...components.filter((component) => component.parentId === null).map((component) => states.get(component.id) ?? "green"));
}
