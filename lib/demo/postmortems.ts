// The demo's published postmortem of #2105, written from the incident's facts and blameless: the
// point is not the forgotten command but that the system let the deploy go ahead with configuration
// that was not synchronized. Its impact comes from the timeline core, its text from the same
// function that publishes a postmortem in the admin.
import { impactMarkdown, postmortemImpact } from "@/lib/postmortems/impact";
import { postmortemPublicText } from "@/lib/postmortems/public-text";
import { prefilledLines } from "@/lib/postmortems/template";
import type { ActionItemStatus, PostmortemLineDraft, PostmortemSections } from "@/lib/postmortems/types";
import { gitPush401Incident2105 } from "./landmark-incidents";
import { utc } from "./time";
import { demoToTimeline, numberedComponents } from "./timeline";
import type { DemoComponent } from "./types";

export interface DemoActionItem {
  title: string;
  owner: string;
  status: ActionItemStatus;
  dueAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
}

export interface DemoPostmortem extends PostmortemSections {
  incidentNumber: number;
  internalNotes: string;
  lines: PostmortemLineDraft[];
  actionItems: DemoActionItem[];
  authorLabel: string;
  publishedAt: Date;
  /** Exactly what customers read, as publishing would fix it. */
  publishedBody: string;
}

const at = (hour: number, minute: number) => utc(2020, 9, 3, hour, minute);
const manual = (time: Date, text: string): PostmortemLineDraft => ({ at: time, text, source: "manual", kept: true });

export function demoPostmortems(components: readonly DemoComponent[]): DemoPostmortem[] {
  const incident = gitPush401Incident2105();
  const numbered = numberedComponents(components);
  const timeline = demoToTimeline(incident, new Map(numbered.map((component) => [component.slug, component.id])));
  const publishedAt = utc(2020, 9, 8, 16, 0);
  const sections: PostmortemSections = {
    summary:
      "On September 3, 2020, `git push heroku main` failed with HTTP 401 for about an hour and a half. A deploy of the Git service reached production before the configuration it needed had been transmitted to the production instances, so a batch of them called a private Platform API without credentials. Running applications were not affected.",
    impact: impactMarkdown(postmortemImpact(timeline, numbered, publishedAt)),
    contributingFactors: [
      "A deploy of the Git service needed three manual steps: set a configuration variable, transmit it to the instances, deploy. Nothing connected the three.",
      "",
      "- The transmit step had been run for staging, where the change was tested, but not for production. Testing on staging could not show the gap.",
      "- The deploy tooling went ahead although the production instances did not have the configuration the new version needed, and nothing warned that configuration and code were out of step.",
      "",
      "The question is not who missed a command: any of us could have. It is why the system allowed a deploy while its configuration was not synchronized.",
    ].join("\n"),
    wentWell:
      "Reports reached us within minutes and the first public update went out at 14:02 UTC. Only pushes failed: running applications kept serving. Once the missing configuration was found, transmitting it and restarting the instances fixed pushes within 40 minutes.",
  };
  const lines = [
    manual(at(13, 41), "A new configuration variable for the Git service is set, and transmitted to the staging instances only."),
    manual(at(13, 55), "The Git service is deployed to production; instances without the configuration call the Platform API unauthenticated."),
    ...prefilledLines(
      incident.posts.map((post) => ({ type: post.type, body: post.body, postedAt: post.postedAt })),
      [],
    ),
    manual(at(14, 36), "The configuration is transmitted to the production instances and they are restarted."),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const actionItems: DemoActionItem[] = [
    {
      title: "Merge config and deploy into one step",
      owner: "Git service team",
      status: "done",
      dueAt: utc(2020, 9, 30, 0, 0),
      createdAt: utc(2020, 9, 4, 10, 0),
      closedAt: utc(2020, 9, 22, 15, 30),
    },
  ];
  return [
    {
      incidentNumber: incident.number,
      ...sections,
      internalNotes: "Internal only: discussed in the ops review of September 7; the on-call engineer followed the runbook as written.",
      lines,
      actionItems,
      authorLabel: "demo",
      publishedAt,
      publishedBody: postmortemPublicText({ sections, lines, actionItems }),
    },
  ];
}
