import type { ComponentState } from "@/lib/timeline/types";

/** Words for each state, so no state is conveyed by colour alone. */
export const STATE_LABEL: Record<ComponentState, string> = {
  green: "Operational",
  blue: "Under maintenance",
  yellow: "Degraded",
  red: "Outage",
};

export const OVERALL_VERDICT: Record<ComponentState, string> = {
  green: "All systems operational",
  blue: "Under maintenance",
  yellow: "Partial disruption",
  red: "Major outage",
};
