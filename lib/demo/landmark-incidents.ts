// Two incidents recreated from Heroku's status history, with their real numbers and UTC times.
import { deploy, incident, note, post, setState, type DemoIncident } from "./types";
import { utc } from "./time";

const SYSTEMS = ["production", "development"];

/** #386: red 03:25–08:25 (5h) and yellow 08:25–16:25 (8h) on both systems. */
export function widespreadOutage386(): DemoIncident {
  const at = (hour: number, minute: number) => utc(2012, 6, 30, hour, minute);
  return {
    number: 386,
    ...incident("Widespread Application Outage", SYSTEMS, [
      post("investigating", at(3, 18), "Our automated systems have detected potential platform errors. We are investigating."),
      post(
        "issue",
        at(3, 25),
        "We're currently experiencing a widespread application outage. We've disabled API access while engineers work on resolving the issues.",
        setState(SYSTEMS, "red"),
      ),
      post(
        "update",
        at(3, 49),
        "We have lost connectivity to some of our infrastructure. Our engineers are working to restore affected systems. We've disabled API access while we work through the issues.",
      ),
      post(
        "update",
        at(5, 2),
        "The outage was caused by a power event in our infrastructure provider's US-East region, which took a large number of instances offline. Engineers are bringing the affected instances back.",
      ),
      post(
        "update",
        at(6, 41),
        "Connectivity to the affected infrastructure has been restored. We are restarting dynos and recovering databases; many applications are serving requests again.",
      ),
      post(
        "update",
        at(8, 25),
        "We have re-enabled API access. Most applications are back online; some dynos and databases are still being restored, and deploys may be slower than usual.",
        setState(SYSTEMS, "yellow"),
      ),
      post(
        "update",
        at(12, 10),
        "Engineers continue to restore the remaining databases. If your application is still returning errors, a restart with `heroku restart` may help.",
      ),
      post(
        "resolved",
        at(16, 25),
        "All applications and databases have been restored and the platform is operating normally. We will publish a full post-mortem of this incident.",
      ),
    ]),
    internal: [
      note(at(3, 21), "on-call", "PagerDuty crushed — no alerts coming through. Watching the error graphs by hand."),
      note(at(3, 40), "on-call", "AWS API offline — can't get new capacity. Restoring on the instances we still have."),
    ],
  };
}

/** #2105: Git push degraded for 1½ hours by a deploy that shipped without its configuration. */
export function gitPush401Incident2105(): DemoIncident {
  const at = (hour: number, minute: number) => utc(2020, 9, 3, hour, minute);
  return {
    number: 2105,
    ...incident(
      "`git push heroku main` failing with HTTP 401",
      ["git-push"],
      [
        post(
          "investigating",
          at(14, 2),
          "We are investigating reports of `git push heroku main` failing with `HTTP 401 Unauthorized`. Running applications are not affected.",
          setState(["git-push"], "yellow"),
        ),
        post(
          "issue",
          at(14, 29),
          "We have identified the cause. A deploy of the Git service went out without its configuration, so it made unauthenticated calls to the Platform API, which answered 401. We are deploying a fix.",
        ),
        post("update", at(15, 6), "A fix has been deployed and pushes are succeeding again. We are monitoring to make sure the issue is fully resolved."),
        post("resolved", at(15, 32), "This incident has been resolved. If a push failed during the incident, please run `git push heroku main` again."),
      ],
    ),
    internal: [
      {
        kind: "system",
        at: at(13, 55),
        author: "monitoring",
        systemCode: "alert.fired",
        body: "Alert: git push answers HTTP 401 for 38% of pushes (threshold 1%).",
      },
      note(at(14, 12), "on-call", "The 401s come from the Platform API: the new git-server build calls it without credentials."),
      note(
        at(14, 24),
        "on-call",
        "The deploy needed three steps: set the config variable, **transmit** it to the instances, deploy. The transmit ran for staging, not for production.",
      ),
      note(at(14, 41), "on-call", "Config transmitted to production (`config:transmit --env production`)."),
      note(at(14, 52), "on-call", "Restarting the git-server instances so they pick up the configuration."),
    ],
    deploys: [
      deploy("git-server", "2020.08.26.1", "2020.08.31.2", utc(2020, 8, 31, 16, 5), "deploy-pipeline"),
      deploy("git-server", "2020.08.31.2", "2020.09.03.1", at(13, 47), "deploy-pipeline"),
    ],
  };
}
