import { COMPONENT_STATES, type ComponentState } from "./types";

/** Higher is worse: COMPONENT_STATES is ordered green < blue < yellow < red. */
export function severity(state: ComponentState): number {
  return COMPONENT_STATES.indexOf(state);
}

export function worstState(...states: ComponentState[]): ComponentState {
  let worst: ComponentState = "green";
  for (const state of states) if (severity(state) > severity(worst)) worst = state;
  return worst;
}
