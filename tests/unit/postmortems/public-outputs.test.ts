import { describe, expect, it } from "vitest";
import { atomFeed, historyChannel, jsonFeed } from "@/lib/formats/feeds";
import { statuspageIncidentsResponse } from "@/lib/formats/schemas";
import { incidentsJson, statuspageSite } from "@/lib/formats/statuspage";
import type { PublicIncident } from "@/lib/timeline/types";
import { chatPayload, jsonPayload, type PostmortemNotice } from "@/lib/webhooks/payload";
import { BASE_URL, context, demoIncident } from "../formats/demo-data";

const PUBLISHED_AT = new Date("2020-09-08T16:00:00.000Z");
const BODY = "## Summary\n\nPushes failed with **401** for 90 minutes.";
const withPostmortem: PublicIncident = { ...demoIncident(2105), postmortem: { body: BODY, publishedAt: PUBLISHED_AT } };
const without = demoIncident(2105);

describe("a published postmortem in the feeds", () => {
  const channel = historyChannel(BASE_URL);

  it("is an Atom entry of its own, at its own address, dated when it was published, before its incident's entry", () => {
    const text = atomFeed(context(), channel, [withPostmortem]).text;
    const entries = text.split("<entry>").slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('<title type="html"><![CDATA[Postmortem: `git push heroku main` failing with HTTP 401]]></title>');
    expect(entries[0]).toContain(`<id>${BASE_URL}/incidents/2105/postmortem</id>`);
    expect(entries[0]).toContain("<updated>2020-09-08T16:00:00.000Z</updated>");
    expect(entries[0]).toContain("<strong>401</strong>");
    expect(entries[1]).toContain(`<id>${BASE_URL}/incidents/2105</id>`);
  });

  it("adds nothing while there is none", () => {
    expect(JSON.parse(jsonFeed(context(), channel, [without]).text).items).toHaveLength(1);
    expect(JSON.parse(jsonFeed(context(), channel, [withPostmortem]).text).items.map((item: { id: string }) => item.id)).toEqual([
      `${BASE_URL}/incidents/2105/postmortem`,
      `${BASE_URL}/incidents/2105`,
    ]);
  });
});

describe("a published postmortem in the Statuspage v2 incident object", () => {
  it("sets postmortem_body and postmortem_published_at, Statuspage's own fields, and still parses as the schema", () => {
    const response = incidentsJson(statuspageSite(context(), []), [withPostmortem]);
    expect(statuspageIncidentsResponse.parse(response)).toEqual(response);
    expect(response.incidents[0]).toMatchObject({ postmortem_body: BODY, postmortem_published_at: "2020-09-08T16:00:00.000+00:00" });
  });

  it("leaves both out without a published postmortem, as real pages do", () => {
    const [incident] = incidentsJson(statuspageSite(context(), []), [without]).incidents;
    expect(incident).not.toHaveProperty("postmortem_body");
    expect(incident).not.toHaveProperty("postmortem_published_at");
  });
});

describe("the postmortem.published webhook", () => {
  const notice: PostmortemNotice = {
    event: "postmortem.published",
    occurredAt: PUBLISHED_AT,
    baseUrl: BASE_URL,
    incident: { number: 2105, title: "Git push failing", kind: "incident", openedAt: without.openedAt, resolvedAt: without.resolvedAt },
    post: null,
    postmortem: { body: BODY, publishedAt: PUBLISHED_AT },
    componentChanges: [],
  };

  it("JSON: no post, the postmortem's address, text and time", () => {
    expect(jsonPayload(notice)).toMatchObject({
      event: "postmortem.published",
      post: null,
      postmortem: { url: `${BASE_URL}/incidents/2105/postmortem`, body: BODY, published_at: "2020-09-08T16:00:00.000Z" },
      component_changes: [],
    });
  });

  it("Slack: links the postmortem and quotes its text", () => {
    const slack = chatPayload("slack", notice) as { text: string; attachments: unknown[] };
    expect(slack.text).toBe(`Incident #2105 postmortem published: Git push failing ${BASE_URL}/incidents/2105/postmortem`);
    expect(JSON.stringify(slack.attachments)).toContain("Pushes failed with **401**");
  });
});
