import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { PublicIncident } from "@/lib/timeline/types";
import { atomFeed, componentChannel, historyChannel, jsonFeed, rssFeed } from "@/lib/formats/feeds";
import { BASE_URL, components, context, demoIncident, demoIncidents, NOW } from "./demo-data";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", cdataPropName: false as never });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function parsed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const channel = historyChannel(BASE_URL);
const incidents = demoIncidents();

describe("RSS 2.0", () => {
  const { text, updated } = rssFeed(context(), channel, incidents);
  const rss = parsed(text).rss;
  const items = asList(rss.channel.item);

  it("is a well-formed RSS 2.0 channel with absolute links", () => {
    expect(rss["@version"]).toBe("2.0");
    expect(rss.channel.title).toBe("Beacon status: incident history");
    expect(rss.channel.link).toBe(`${BASE_URL}/history`);
    expect(rss.channel["atom:link"]["@href"]).toBe(`${BASE_URL}/history.rss`);
    expect(new Date(rss.channel.lastBuildDate).getTime()).toBe(Math.floor(updated.getTime() / 1000) * 1000);
  });

  it("has one item per incident with its page as link and guid, newest first", () => {
    expect(items).toHaveLength(incidents.length);
    expect(items[0].title).toBe("Elevated error rates on the Platform API");
    for (const item of items) {
      expect(item.link).toMatch(/^https:\/\/status\.example\.com\/incidents\/\d+$/);
      expect(item.guid["#text"]).toBe(item.link);
      expect(item.guid["@isPermaLink"]).toBe("true");
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });

  it("summarises the newest post and carries the whole timeline, with the components as categories", () => {
    const outage = items.find((item) => item.link.endsWith("/incidents/386"));
    expect(outage.description).toMatch(/^Resolved: All applications and databases have been restored/);
    const content: string = outage["content:encoded"];
    expect(content).toContain("<p><strong>Resolved</strong></p>");
    expect(content).toContain("Production: Outage 5h · Degraded 8h");
    expect(content.match(/<time /g)).toHaveLength(8);
    expect(content.indexOf("Jun 30, 2012 16:25 UTC")).toBeLessThan(content.indexOf("Jun 30, 2012 03:18 UTC"));
    expect(asList(outage.category).map((category: { "#text": string }) => category["#text"] ?? category)).toEqual(["Production", "Development"]);
  });
});

describe("Atom 1.0", () => {
  const { text } = atomFeed(context(), channel, incidents);
  const feed = parsed(text).feed;
  const entries = asList(feed.entry);

  it("is a well-formed Atom feed with id, updated, author and self link", () => {
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${BASE_URL}/history.atom`);
    expect(feed.author.name).toBe("Beacon status");
    expect(asList(feed.link).map((link: Record<string, string>) => [link["@rel"], link["@href"]])).toEqual([
      ["alternate", `${BASE_URL}/history`],
      ["self", `${BASE_URL}/history.atom`],
    ]);
    expect(feed.updated).toBe(entries[0].updated);
  });

  it("gives every entry an id, title, link, updated and published time, summary and html content", () => {
    expect(entries).toHaveLength(incidents.length);
    for (const entry of entries) {
      expect(entry.id).toBe(entry.link["@href"]);
      expect(entry.title["#text"] ?? entry.title).toBeTruthy();
      expect(Date.parse(entry.updated)).toBeGreaterThanOrEqual(Date.parse(entry.published));
      expect(entry.content["@type"]).toBe("html");
    }
  });
});

describe("JSON Feed 1.1", () => {
  const feed = JSON.parse(jsonFeed(context(), channel, incidents).text);

  it("has the version 1.1 fields", () => {
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "Beacon status: incident history",
      home_page_url: `${BASE_URL}/history`,
      feed_url: `${BASE_URL}/history.json`,
      authors: [{ name: "Beacon status", url: BASE_URL }],
    });
    expect(feed.items).toHaveLength(incidents.length);
    expect(feed.items[0]).toMatchObject({ id: feed.items[0].url, title: "Elevated error rates on the Platform API", tags: ["Platform API"] });
    expect(feed.items[0].summary).toMatch(/^Issue: A database cluster/);
    expect(Date.parse(feed.items[0].date_modified)).toBeGreaterThan(Date.parse(feed.items[0].date_published));
  });
});

describe("what goes into a feed", () => {
  it("follows one component: a system includes its sub-components' incidents", () => {
    const production = components.find((component) => component.slug === "production")!;
    const { text } = atomFeed(context(), componentChannel(BASE_URL, production), [demoIncident(2105)]);
    const feed = parsed(text).feed;
    expect(feed.title).toBe("Beacon status: Production");
    expect(feed.id).toBe(`${BASE_URL}/components/production/history.atom`);
    expect(asList(feed.link)[0]["@href"]).toBe(`${BASE_URL}/components/production`);
  });

  it("skips an incident with no post yet published and leaves out future posts", () => {
    const open = demoIncident(2416);
    const scheduledLater: PublicIncident = {
      ...open,
      number: 9999,
      posts: open.posts.map((post) => ({ ...post, postedAt: new Date(NOW.getTime() + 3_600_000) })),
    };
    const feed = JSON.parse(jsonFeed(context(), channel, [scheduledLater, open]).text);
    expect(feed.items.map((item: { url: string }) => item.url)).toEqual([`${BASE_URL}/incidents/${open.number}`]);
  });
});

const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "<svg onload=alert(1)>",
  '<iframe src="https://evil.example"></iframe>',
  "![x](javascript:alert(1))",
  '<div style="background:url(javascript:alert(1))">',
  "]]><script>alert(1)</script><![CDATA[",
  "text \u0001\u0008 with control characters \uD800",
];

describe("hostile post bodies and titles", () => {
  const open = demoIncident(2416);
  const hostile: PublicIncident = {
    ...open,
    title: '<img src=x onerror="alert(1)"> & ]]> "title"',
    posts: open.posts.map((post, index) => ({ ...post, body: index === 0 ? XSS_PAYLOADS.join("\n\n") : XSS_PAYLOADS.reverse().join(" ") })),
  };

  /** Every tag of the HTML a reader renders: none may run script or load active content. */
  function expectInert(html: string) {
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<\s*(script|iframe|img|svg|object|embed|style|div)\b/i);
      expect(tag).not.toMatch(/\son\w+\s*=/i);
      expect(tag).not.toMatch(/javascript:/i);
      expect(tag).not.toMatch(/\sstyle\s*=/i);
    }
  }

  it("stay inert in RSS, well-formed", () => {
    const item = asList(parsed(rssFeed(context(), channel, [hostile]).text).rss.channel.item)[0];
    expectInert(item["content:encoded"]);
    expect(item.title).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; ]]&gt; &quot;title&quot;");
    expect(item.description).not.toMatch(/<\w/);
  });

  it("stay inert in Atom, with the title as escaped html text", () => {
    const entry = asList(parsed(atomFeed(context(), channel, [hostile]).text).feed.entry)[0];
    expectInert(entry.content["#text"]);
    expect(entry.title["#text"]).not.toContain("<");
    expect(entry.summary["#text"]).not.toMatch(/<\w/);
  });

  it("stay inert in JSON Feed content_html", () => {
    const [item] = JSON.parse(jsonFeed(context(), channel, [hostile]).text).items;
    expectInert(item.content_html);
    expect(item.title).toBe(hostile.title);
  });
});
