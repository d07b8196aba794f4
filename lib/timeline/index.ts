/**
 * Beacon's timeline core: pure functions from incidents and their posts to everything the product shows.
 * No I/O and no clock: every function takes `now`. Invalid Dates throw a TypeError.
 *
 * Rules (lib/timeline/README.md explains each with an example):
 *  1. Posts are ordered by postedAt, then createdAt, then id; a backdated post lands in its place.
 *  2. A component has no state in an incident before the first post that changes it; from a post
 *     setting state S at t it is S until the incident's next change of it, or the incident's end.
 *  3. A post without state changes changes nothing (it still counts as the last update).
 *  4. A `resolved` post ends the incident at its postedAt: everything returns to green and the post's own
 *     changes are ignored. Open iff the latest post is not `resolved`; a later post re-opens the incident
 *     and components start again from no effect.
 *  5. Nothing is computed past `now`: open intervals run to `now`, posts dated after `now` are ignored.
 *  6. Overlapping incidents on one component: the worst state wins (green < blue < yellow < red).
 *  7. A maintenance acts only inside [scheduledStartAt, scheduledEndAt): its `scheduled` post takes effect at
 *     max(postedAt, scheduledStartAt), other posts at postedAt; it ends at the earlier of a `resolved` post
 *     and scheduledEndAt. Status: upcoming | in_progress | completed.
 *  8. Uptime % = 100 × (1 − red time / window length), the window clipped to `now` (empty window = 100).
 *     Only red is downtime: blue (maintenance) is not, yellow (degraded) is reported separately.
 *  9. A system's state is the worst of its own and its direct sub-components' states at every instant.
 * 10. Day boundaries are UTC.
 * Intervals list only non-green states: green is "no effect", and the rest of any measured window.
 */
export * from "./types";
export { sortPosts } from "./order";
export { incidentIntervals } from "./effects";
export { postSteps, type PostStep } from "./steps";
export { condensedIncident, runningStates, type IncidentHeader, type RunningState } from "./running";
export { incidentDurations, incidentState } from "./incident";
export { maintenanceStatus } from "./maintenance";
export { componentIntervals, currentStates, overallState } from "./components";
export { dailyHistory, uptimePercent } from "./history";
export { formatDuration } from "./format";
export { worstState } from "./states";
