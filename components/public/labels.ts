import type { MaintenanceStatus, PostType } from "@/lib/timeline/types";

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
