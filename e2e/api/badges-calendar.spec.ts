import { expect, test } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";

test("/badge.svg shows the overall state in words, on the degraded colour", async ({ request }) => {
  const svg = await (await request.get("/badge.svg")).text();
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).toContain("<title>status: degraded</title>");
  expect(svg).toContain('aria-label="status: degraded"');
  expect(svg).toContain('fill="#b45309"');
});

test("a component's badge shows its own state", async ({ request }) => {
  expect(await (await request.get("/components/platform-api/badge.svg")).text()).toContain("<title>Platform API: degraded</title>");
  expect(await (await request.get("/components/git-push/badge.svg")).text()).toContain("<title>Git push: operational</title>");
});

test("/maintenance.ics is an RFC 5545 calendar with the upcoming window", async ({ request, baseURL }) => {
  const text = await (await request.get("/maintenance.ics")).text();
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  expect(lines.slice(0, 2)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0"]);
  expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  expect(lines).toContain("SUMMARY:Scheduled maintenance of add-on provisioning");
  const uid = lines.find((line) => line.startsWith("UID:"))!;
  expect(uid).toMatch(new RegExp(`^UID:maintenance-\\d+@${new URL(baseURL!).host}$`));
  const start = lines.find((line) => line.startsWith("DTSTART:"))!;
  const end = lines.find((line) => line.startsWith("DTEND:"))!;
  const parse = (value: string) => Date.parse(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
  expect(parse(end.slice(6)) - parse(start.slice(8))).toBe(2 * 3_600_000);
  expect(lines.some((line) => line.startsWith("DTSTAMP:"))).toBe(true);
});
