// The page's name reaches the machine formats: feed titles and authors, the Statuspage API's
// page.name and the maintenance calendar's name; without a brand, Beacon's default.
import { describe, expect, it } from "vitest";
import { historyChannel, componentChannel, jsonFeed, rssFeed } from "@/lib/formats/feeds";
import { maintenanceCalendar } from "@/lib/formats/ical";
import { statuspageSite, summaryJson } from "@/lib/formats/statuspage";
import { BASE_URL, components, context, demoIncidents } from "../formats/demo-data";

describe("the page's name in feeds and APIs", () => {
  const branded = context(undefined, { pageName: "Example status" });

  it("titles and signs the feeds", () => {
    const channel = historyChannel(BASE_URL, undefined, "Example status");
    expect(channel.title).toBe("Example status: incident history");
    expect(componentChannel(BASE_URL, components[0]!, undefined, "Example status").title).toBe(`Example status: ${components[0]!.name}`);
    const rss = rssFeed(branded, channel, demoIncidents()).text;
    expect(rss).toContain("<title>Example status: incident history</title>");
    const json = JSON.parse(jsonFeed(branded, channel, demoIncidents()).text);
    expect(json.authors[0].name).toBe("Example status");
  });

  it("names the Statuspage page and the calendar", () => {
    expect(summaryJson(statuspageSite(branded, [])).page.name).toBe("Example status");
    expect(summaryJson(statuspageSite(context(), [])).page.name).toBe("Beacon status");
    expect(maintenanceCalendar(branded, []).text).toContain("X-WR-CALNAME:Example status: maintenance");
  });

  it("keeps Beacon's name by default", () => {
    expect(historyChannel(BASE_URL).title).toBe("Beacon status: incident history");
  });
});
