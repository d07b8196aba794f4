// Realistic wording for generated incidents, in the voice of Heroku's status posts.

export interface IncidentScenario {
  title: string;
  componentSlugs: string[];
  severity: "red" | "yellow";
  investigating: string;
  issue: string;
  updates: string[];
  /** The update that turns a red incident yellow; a plain update for a yellow one. */
  recovering: string;
  resolved: string;
}

export interface MaintenanceScenario {
  title: string;
  componentSlugs: string[];
  /** Announcement; the window ("Wed 25 Nov 2026, 10:00–12:00 UTC") is appended. */
  scheduled: string;
  inProgress: string;
  completed: string;
}

const scenario = (
  title: string,
  componentSlugs: string[],
  severity: "red" | "yellow",
  [investigating, issue, recovering, resolved, ...updates]: [string, string, string, string, ...string[]],
): IncidentScenario => ({ title, componentSlugs, severity, investigating, issue, updates, recovering, resolved });

export const INCIDENT_SCENARIOS: readonly IncidentScenario[] = [
  scenario("Increased dyno boot times", ["dyno-runtime"], "yellow", [
    "We are investigating reports of dynos taking longer than usual to start.",
    "Dyno boots are delayed by slow image downloads on a subset of hosts. Running dynos are not affected.",
    "Boot times are returning to normal as the affected hosts are replaced.",
    "Dyno boot times are back to normal. Apps that failed to start during the incident have been restarted.",
    "We are moving new dynos away from the affected hosts.",
  ]),
  scenario("Routing errors for some applications", ["routing"], "red", [
    "We are investigating elevated H99 platform errors for apps in the US region.",
    "A faulty configuration push to part of the router fleet is dropping requests. We are rolling it back.",
    "The rollback has completed on most routers and error rates are dropping. Some requests may still fail.",
    "Routing has fully recovered. Requests that returned H99 errors during the incident can be retried safely.",
    "Engineers are rolling the configuration back router by router.",
  ]),
  scenario("Elevated H12 request timeouts", ["routing"], "yellow", [
    "We are investigating an increase in H12 request timeouts for some apps.",
    "Increased latency between the routers and a group of dyno hosts is causing requests to time out.",
    "Latency has improved after traffic was shifted to healthy hosts. We are monitoring.",
    "Request timeouts are back to normal levels.",
    "We are shifting traffic away from the slow hosts.",
  ]),
  scenario("Platform API unavailable", ["platform-api"], "red", [
    "We are investigating failing requests to the Platform API. The CLI and the Dashboard may return errors.",
    "The primary database of the Platform API failed over and the API is not accepting connections.",
    "The API is accepting requests again. Some requests may still be slow while caches warm up.",
    "The Platform API has recovered. Running applications were not affected by this incident.",
    "Engineers are promoting the standby database.",
  ]),
  scenario("Delayed builds on git push", ["git-push"], "yellow", [
    "We are investigating reports of builds queueing for several minutes after `git push heroku main`.",
    "Build capacity is reduced after a batch of build hosts failed health checks. New hosts are being added.",
    "The build queue is draining and new builds start promptly.",
    "Builds are starting normally again. No builds were lost.",
    "Additional build capacity is coming online.",
  ]),
  scenario("Builds failing for Node.js applications", ["git-push"], "red", [
    "We are investigating failing builds for apps using the Node.js buildpack.",
    "A release of the Node.js buildpack could not download its runtime binaries. We are rolling back to the previous release.",
    "The previous buildpack release is live and most builds succeed again.",
    "Node.js builds are succeeding. If a build failed during the incident, please push again.",
    "We are verifying the rollback across all build hosts.",
  ]),
  scenario("Review apps not being created", ["review-apps"], "yellow", [
    "We are investigating reports of review apps not being created for new pull requests.",
    "Events from GitHub are being processed with a long delay, so review apps are created late or not at all.",
    "The backlog of events is being processed and review apps are being created.",
    "Review apps are being created normally again. Pull requests opened during the incident now have their apps.",
    "Engineers are replaying the delayed events.",
  ]),
  scenario("Dashboard unavailable", ["dashboard"], "red", [
    "We are investigating reports that the Dashboard is not loading.",
    "An expired TLS certificate on the Dashboard's load balancer is causing browsers to refuse the connection.",
    "A renewed certificate is in place and the Dashboard is loading again for most users.",
    "The Dashboard is available again. The CLI and the Platform API were not affected.",
    "We are deploying the renewed certificate.",
  ]),
  scenario("Intermittent Dashboard login failures", ["dashboard"], "yellow", [
    "We are investigating intermittent errors when logging in to the Dashboard.",
    "A degraded node in the session store is rejecting some logins. Retrying usually succeeds.",
    "The degraded node has been replaced and login errors are dropping.",
    "Logins are working normally again.",
    "We are replacing the degraded session store node.",
  ]),
  scenario("Add-on provisioning delays", ["add-on-provisioning"], "yellow", [
    "We are investigating delays when provisioning new add-ons.",
    "Provisioning requests to some add-on partners are timing out and being retried.",
    "Provisioning requests are completing again; the backlog is being processed.",
    "Add-on provisioning is back to normal. Add-ons requested during the incident have been created.",
    "We are working with the affected add-on partners.",
  ]),
  scenario("Database add-ons failing to provision", ["add-on-provisioning"], "red", [
    "We are investigating failures when creating new database add-ons.",
    "A capacity problem in one region is preventing new database servers from being created. Existing databases are not affected.",
    "New capacity has been added and provisioning is succeeding for most requests.",
    "Database provisioning has recovered. Failed requests have been cleaned up and can be retried.",
    "Engineers are adding capacity in the affected region.",
  ]),
  scenario("Dyno restarts in the EU region", ["dyno-runtime"], "yellow", [
    "We are investigating unexpected dyno restarts for apps in the EU region.",
    "A kernel issue on a group of hosts is causing them to restart. Dynos on those hosts are being moved automatically.",
    "The affected hosts have been drained and restarts have stopped.",
    "Dynos in the EU region are running normally.",
    "We are draining the affected hosts.",
  ]),
  scenario("Slow CLI and API responses", ["platform-api"], "yellow", [
    "We are investigating slow responses from the Platform API and the CLI.",
    "A slow database query introduced in today's release is slowing down API requests. We are reverting the release.",
    "The release has been reverted and response times are improving.",
    "Platform API response times are back to normal.",
    "We are reverting the release.",
  ]),
  scenario("Apps unreachable after DNS errors", ["routing", "dashboard"], "red", [
    "We are investigating reports that some apps and the Dashboard cannot be reached.",
    "Our DNS provider is answering some lookups with errors, so requests never reach the routers.",
    "DNS lookups are succeeding again; cached errors may take a few minutes to expire.",
    "Apps and the Dashboard are reachable again. Our DNS provider has confirmed the fix.",
    "We are in contact with our DNS provider.",
  ]),
];

export const GENERIC_UPDATES: readonly string[] = [
  "Engineers are continuing to work on this issue. We will post another update within the hour.",
  "We are still investigating and will share more as soon as we know it.",
  "The fix is being rolled out gradually. We are watching error rates closely.",
  "We are continuing to monitor the recovery.",
  "Some customers may still see errors while the remaining systems catch up.",
];

export const ADD_ON_PROVISIONING_MAINTENANCE: MaintenanceScenario = {
  title: "Scheduled maintenance of add-on provisioning",
  componentSlugs: ["add-on-provisioning"],
  scheduled:
    "We will upgrade the database behind add-on provisioning. Creating, upgrading and removing add-ons may be delayed during the window; existing add-ons are not affected.",
  inProgress: "The maintenance is in progress. Add-on provisioning requests are queued and will be processed when it ends.",
  completed: "The maintenance has been completed and queued add-on requests have been processed.",
};

export const MAINTENANCE_SCENARIOS: readonly MaintenanceScenario[] = [
  ADD_ON_PROVISIONING_MAINTENANCE,
  {
    title: "Scheduled Dashboard maintenance",
    componentSlugs: ["dashboard"],
    scheduled: "The Dashboard will be read-only while we migrate its database. The CLI and the Platform API are not affected.",
    inProgress: "The Dashboard is read-only while the migration runs.",
    completed: "The migration has been completed and the Dashboard is fully available again.",
  },
  {
    title: "Scheduled Platform API maintenance",
    componentSlugs: ["platform-api"],
    scheduled: "We will fail the Platform API's database over to new hardware. API requests may fail for a few seconds during the window.",
    inProgress: "The failover is in progress.",
    completed: "The failover has been completed and the Platform API is running on the new hardware.",
  },
];
