// What is happening "now" in the demo: one open incident and one upcoming maintenance.
import { announceMaintenance } from "./generate";
import { ADD_ON_PROVISIONING_MAINTENANCE } from "./scenarios";
import { addMinutes, floorTo } from "./time";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/timeline/dates";
import { incident, post, setState, type UnnumberedIncident } from "./types";

/** Opened 47 minutes before `now`, Platform API degraded, not resolved: Production shows yellow. */
export function openPlatformApiIncident(now: Date): UnnumberedIncident {
  const openedAt = addMinutes(now, -47);
  return incident(
    "Elevated error rates on the Platform API",
    ["platform-api"],
    [
      post(
        "investigating",
        openedAt,
        "We are investigating elevated error rates on the Platform API. Some CLI commands and Dashboard actions may fail.",
        setState(["platform-api"], "yellow"),
      ),
      post(
        "issue",
        addMinutes(now, -29),
        "A database cluster behind the Platform API is overloaded and some requests return `503 Service Unavailable`. Running applications are not affected. Engineers are adding capacity.",
      ),
    ],
  );
}

/** A 2-hour window starting on the hour 3 days from `now`, announced the day before. */
export function upcomingAddOnMaintenance(now: Date): UnnumberedIncident {
  const start = floorTo(new Date(now.getTime() + 3 * DAY_MS), HOUR_MS);
  const announcedAt = addMinutes(floorTo(now, MINUTE_MS), -26 * 60);
  return announceMaintenance(ADD_ON_PROVISIONING_MAINTENANCE, { start, minutes: 120 }, announcedAt);
}
