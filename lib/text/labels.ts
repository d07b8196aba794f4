// Words for states, post types and maintenance phases, shared by the pages, the formats and the admin:
// no state is conveyed by colour alone.
import type { ComponentState, MaintenanceStatus, PostType } from "@/lib/timeline/types";

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

export const POST_TYPE_LABEL: Record<PostType, string> = {
  investigating: "Investigating",
  issue: "Issue",
  update: "Update",
  resolved: "Resolved",
  scheduled: "Scheduled",
};

export const MAINTENANCE_LABEL: Record<MaintenanceStatus, string> = {
  upcoming: "Upcoming maintenance",
  in_progress: "Maintenance in progress",
  completed: "Maintenance completed",
};
