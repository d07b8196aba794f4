import type { ComponentState, StateInterval } from "./types";

export function makeInterval(componentId: number, state: ComponentState, start: number, end: number): StateInterval {
  return { componentId, state, start: new Date(start), end: new Date(end) };
}

export function byComponentThenStart(a: StateInterval, b: StateInterval): number {
  return a.componentId - b.componentId || a.start.getTime() - b.start.getTime();
}
