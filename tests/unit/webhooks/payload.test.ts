import { describe, expect, it } from "vitest";
import { chatPayload, jsonPayload, type WebhookNotice } from "@/lib/webhooks/payload";
import { endpointMatches, eventOf } from "@/lib/webhooks/match";

const notice: WebhookNotice = {
  event: "incident.resolved",
  occurredAt: new Date("2026-11-22T10:30:00Z"),
  baseUrl: "https://status.example.com",
  incident: {
    number: 2105,
    title: "Git push <failing> & slow",
    kind: "incident",
    openedAt: new Date("2026-11-22T10:00:00Z"),
    resolvedAt: new Date("2026-11-22T10:30:00Z"),
  },
  post: { id: 7, type: "resolved", body: "Fixed.", postedAt: new Date("2026-11-22T10:30:00Z") },
  componentChanges: [{ id: 3, name: "Git push", slug: "git-push", before: "red", after: "green" }],
};

describe("webhook payloads", () => {
  it("JSON: the incident with its URL and status, the new post and the component changes", () => {
    expect(jsonPayload(notice)).toEqual({
      event: "incident.resolved",
      occurred_at: "2026-11-22T10:30:00.000Z",
      incident: {
        number: 2105,
        title: "Git push <failing> & slow",
        kind: "incident",
        status: "resolved",
        url: "https://status.example.com/incidents/2105",
        opened_at: "2026-11-22T10:00:00.000Z",
        resolved_at: "2026-11-22T10:30:00.000Z",
      },
      post: { id: 7, type: "resolved", body: "Fixed.", posted_at: "2026-11-22T10:30:00.000Z" },
      component_changes: [{ id: 3, slug: "git-push", name: "Git push", old_state: "red", new_state: "green" }],
    });
  });

  it("Slack: an escaped notification `text`, and blocks in an attachment coloured by the new state", () => {
    const slack = chatPayload("slack", notice) as { text: string; attachments: { color: string; blocks: unknown[] }[] };
    expect(slack.text).toBe("Incident #2105 resolved: Git push &lt;failing&gt; &amp; slow https://status.example.com/incidents/2105");
    const [attachment] = slack.attachments;
    expect(attachment!.color).toBe("#15803d");
    expect(attachment!.blocks).toEqual([
      {
        type: "section",
        text: { type: "mrkdwn", text: "*<https://status.example.com/incidents/2105|Incident #2105 resolved: Git push &lt;failing&gt; &amp; slow>*" },
      },
      { type: "section", text: { type: "mrkdwn", text: "*Resolved*\nFixed." } },
      { type: "section", text: { type: "mrkdwn", text: ":large_green_circle: Git push: Operational (was Outage)" } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "View incident" }, url: "https://status.example.com/incidents/2105" }],
      },
    ]);
  });

  it("Slack: no empty post block, and a long post is cut under Slack's 3000-character limit", () => {
    const blocksOf = (body: object) => (body as { attachments: { blocks: { text?: { text: string } }[] }[] }).attachments[0]!.blocks;
    expect(blocksOf(chatPayload("slack", { ...notice, post: { ...notice.post, body: "" }, componentChanges: [] }))).toHaveLength(2);
    const long = blocksOf(chatPayload("slack", { ...notice, post: { ...notice.post, body: "x".repeat(5000) } }));
    expect(long[1]!.text!.text.length).toBeLessThanOrEqual(3000);
    expect(long[1]!.text!.text.endsWith("x…")).toBe(true);
  });
});

describe("which endpoints a change concerns", () => {
  const parentOf = new Map([
    [1, null],
    [2, null],
    [3, 1],
  ]);
  const scope = { event: "incident.updated", componentIds: [3] };
  it("an endpoint for a system hears about its sub-components; others do not", () => {
    expect(endpointMatches({ componentIds: [1], events: [] }, scope, parentOf)).toBe(true);
    expect(endpointMatches({ componentIds: [2], events: [] }, scope, parentOf)).toBe(false);
    expect(endpointMatches({ componentIds: [], events: [] }, scope, parentOf)).toBe(true);
  });
  it("filters by event", () => {
    expect(endpointMatches({ componentIds: [], events: ["incident.resolved"] }, scope, parentOf)).toBe(false);
    expect(endpointMatches({ componentIds: [], events: ["incident.updated"] }, scope, parentOf)).toBe(true);
  });
  it("names events from the use-case's action and the post type", () => {
    expect([
      eventOf("incident.open", "issue"),
      eventOf("post.publish", "update"),
      eventOf("post.publish", "resolved"),
      eventOf("maintenance.schedule", "scheduled"),
    ]).toEqual(["incident.opened", "incident.updated", "incident.resolved", "maintenance.scheduled"]);
  });
});
