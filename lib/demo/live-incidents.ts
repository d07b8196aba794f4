// What is happening "now" in the demo: one open incident and one upcoming maintenance.
import { announceMaintenance } from "./generate";
import { ADD_ON_PROVISIONING_MAINTENANCE } from "./scenarios";
import { addMinutes, floorTo } from "./time";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/timeline/dates";
import { deploy, incident, note, post, setState, type UnnumberedIncident } from "./types";

/**
 * Opened 47 minutes before `now`, Platform API degraded, not resolved: Production shows yellow.
 * Internally: a deploy 20 minutes before it began; reverting to −1 did not help (the broken query
 * came one deploy earlier), reverting to −2 did.
 */
export function openPlatformApiIncident(now: Date): UnnumberedIncident {
  const openedAt = addMinutes(now, -47);
  const at = (minutes: number) => addMinutes(now, minutes);
  const internal = [
    note(at(-44), "on-call", "platform-api 2.43.0 went out 20 minutes before the errors began. Reverting to −1 (2.42.0)."),
    note(at(-33), "on-call", "Revert to −1 did not help: the database is still overloaded. The new query came in 2.42.0 — going back to −2 (2.41.0)."),
    note(at(-18), "on-call", "After the revert to −2 the database load is falling; error rates are dropping."),
  ];
  const deploys = [
    deploy("platform-api", "2.40.3", "2.41.0", at(-26 * 60), "deploy-pipeline"),
    deploy("platform-api", "2.41.0", "2.42.0", at(-5 * 60), "deploy-pipeline"),
    deploy("platform-api", "2.42.0", "2.43.0", at(-67), "deploy-pipeline"),
    deploy("platform-api", "2.43.0", "2.42.0", at(-40), "on-call", "on-call"),
    deploy("platform-api", "2.42.0", "2.41.0", at(-25), "on-call", "on-call"),
  ];
  return { ...openIncidentPosts(now, openedAt), internal, deploys };
}

function openIncidentPosts(now: Date, openedAt: Date): UnnumberedIncident {
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
