import { describe, expect, it } from "vitest";
import type { PublicIncident } from "@/lib/timeline/types";
import { escapeText, foldLine, icalDate, maintenanceCalendar } from "@/lib/formats/ical";
import { context, demoIncident, NOW } from "./demo-data";

const maintenance = demoIncident(2415);

/** Content lines after unfolding (RFC 5545 §3.1). */
const unfold = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1);
const property = (lines: string[], name: string) => lines.filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));

describe("RFC 5545 syntax", () => {
  const long: PublicIncident = {
    ...maintenance,
    title: "Wartung: Datenbank-Umzug für Add-ons; Ausfälle möglich, bitte Geduld — 数据库维护 ".repeat(3),
    posts: maintenance.posts.map((post) => ({ ...post, body: `${post.body}\n\nÜberall: ${"ä€😀".repeat(40)}` })),
  };
  const { text } = maintenanceCalendar(context(), [long]);
  const physical = text.split("\r\n");

  it("ends every line with CRLF and has no bare line feeds or carriage returns", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    expect(physical.some((line) => line.startsWith(" "))).toBe(true);
    for (const line of physical) {
      const bytes = Buffer.from(line, "utf8");
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(bytes.toString("utf8")).toBe(line);
      expect(line).not.toContain("\uFFFD");
    }
  });

  it("unfolds back to the original content lines", () => {
    const lines = unfold(text);
    expect(property(lines, "SUMMARY")).toEqual([`SUMMARY:${escapeText(long.title)}`]);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
  });

  it("escapes backslashes, semicolons, commas and newlines in text", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds exactly at the limit", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
    expect(
      foldLine("x".repeat(75 + 74 + 1))
        .split("\r\n")
        .map((line) => line.length),
    ).toEqual([75, 75, 2]);
  });

  it("writes UTC date-times", () => {
    expect(icalDate(new Date("2026-11-25T14:00:00.000Z"))).toBe("20261125T140000Z");
  });
});

describe("the maintenance calendar", () => {
  it("has the calendar's required properties and one event per upcoming window, with UID, DTSTAMP and the window", () => {
    const lines = unfold(maintenanceCalendar(context(), [demoIncident(2416), maintenance]).text);
    expect(property(lines, "VERSION")).toEqual(["VERSION:2.0"]);
    expect(property(lines, "PRODID")).toHaveLength(1);
    expect(property(lines, "BEGIN")).toEqual(["BEGIN:VCALENDAR", "BEGIN:VEVENT"]);
    expect(property(lines, "UID")).toEqual([`UID:maintenance-${maintenance.number}@status.example.com`]);
    expect(property(lines, "DTSTAMP")).toEqual([`DTSTAMP:${icalDate(maintenance.posts[0]!.postedAt)}`]);
    expect(property(lines, "DTSTART")).toEqual([`DTSTART:${icalDate(maintenance.scheduledStartAt!)}`]);
    expect(property(lines, "DTEND")).toEqual([`DTEND:${icalDate(maintenance.scheduledEndAt!)}`]);
    expect(property(lines, "SUMMARY")).toEqual(["SUMMARY:Scheduled maintenance of add-on provisioning"]);
    expect(property(lines, "URL")).toEqual([`URL:https://status.example.com/incidents/${maintenance.number}`]);
    expect(property(lines, "CATEGORIES")).toEqual(["CATEGORIES:Add-on provisioning"]);
    expect(property(lines, "DESCRIPTION")[0]).toContain("Scheduled (Nov 21\\, 2026");
  });

  it("keeps a window while it is in progress and drops it once completed", () => {
    const during = new Date(maintenance.scheduledStartAt!.getTime() + 60_000);
    const after = new Date(maintenance.scheduledEndAt!.getTime() + 60_000);
    expect(property(unfold(maintenanceCalendar(context(during), [maintenance]).text), "UID")).toHaveLength(1);
    expect(property(unfold(maintenanceCalendar(context(after), [maintenance]).text), "UID")).toHaveLength(0);
  });

  it("is byte-identical until something changes, so conditional GETs can answer 304", () => {
    const later = new Date(NOW.getTime() + 60_000);
    expect(maintenanceCalendar(context(later), [maintenance]).text).toBe(maintenanceCalendar(context(), [maintenance]).text);
  });
});
