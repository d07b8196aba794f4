import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

async function xml(request: import("@playwright/test").APIRequestContext, path: string) {
  const text = await (await request.get(path)).text();
  expect(XMLValidator.validate(text), path).toBe(true);
  return parser.parse(text);
}

test("/history.rss is valid RSS 2.0 with one item per incident, one per published postmortem just before it, and absolute links", async ({
  request,
  baseURL,
}) => {
  const { rss } = await xml(request, "/history.rss");
  expect(rss["@version"]).toBe("2.0");
  const items = list(rss.channel.item) as Record<string, any>[];
  const incidentItems = items.filter((item) => new RegExp(`^${baseURL}/incidents/\\d+$`).test(item.link));
  const postmortemItems = items.filter((item) => new RegExp(`^${baseURL}/incidents/\\d+/postmortem$`).test(item.link));
  expect(incidentItems.length + postmortemItems.length).toBe(items.length);
  expect(incidentItems.length).toBeGreaterThan(2);
  expect(incidentItems.length).toBeLessThanOrEqual(50);
  expect(items[0]!.title).toBe("Elevated error rates on the Platform API");
  // The demo publishes #2105's postmortem: its entry comes right before the incident's own.
  const postmortem = items.findIndex((item) => item.link === `${baseURL}/incidents/2105/postmortem`);
  expect(postmortem).toBeGreaterThanOrEqual(0);
  expect(items[postmortem + 1]!.link).toBe(`${baseURL}/incidents/2105`);
  const outage = items.find((item) => item.link.endsWith("/incidents/386"))!;
  expect(outage.description).toMatch(/^Resolved: /);
  expect(outage["content:encoded"]).toContain("Production: Outage 5h · Degraded 8h");
});

test("/history.atom is valid Atom 1.0 and /feed redirects to it", async ({ request, baseURL }) => {
  const { feed } = await xml(request, "/history.atom");
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(feed.id).toBe(`${baseURL}/history.atom`);
  const entries = list(feed.entry) as Record<string, any>[];
  expect(entries.length).toBeGreaterThan(2);
  expect(entries.every((entry) => entry.id && entry.updated && entry.link["@href"].startsWith(`${baseURL}/incidents/`))).toBe(true);

  const redirect = await request.get("/feed", { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toBe(`${baseURL}/history.atom`);
});

test("/history.json is a JSON Feed 1.1", async ({ request, baseURL }) => {
  const feed = await (await request.get("/history.json")).json();
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.feed_url).toBe(`${baseURL}/history.json`);
  expect(feed.items[0]).toMatchObject({ title: "Elevated error rates on the Platform API", tags: ["Platform API"] });
  expect(feed.items.every((item: Record<string, string>) => item.id && item.content_html && item.url?.startsWith(baseURL!))).toBe(true);
});

test("a component's feeds hold only the incidents that touched it (a system includes its parts)", async ({ request, baseURL }) => {
  const gitPush = list((await xml(request, "/components/git-push/history.atom")).feed.entry) as Record<string, any>[];
  expect(gitPush.map((entry) => entry.link["@href"])).toContain(`${baseURL}/incidents/2105`);
  expect(gitPush.every((entry) => list(entry.category).some((category: any) => category["@term"] === "Git push"))).toBe(true);
  const production = list((await xml(request, "/components/production/history.rss")).rss.channel.item) as Record<string, any>[];
  expect(production.map((item) => item.link)).toEqual(expect.arrayContaining([`${baseURL}/incidents/386`, `${baseURL}/incidents/2105`]));
  expect(production.map((item) => item.title)).not.toContain("Scheduled maintenance of add-on provisioning");
});
