import { describe, expect, it } from "vitest";
import { DEMO_COMPONENTS, demoDataset, demoToTimeline, numberedComponents } from "@/lib/demo";
import { csvCell, toCsv } from "@/lib/metrics/csv";
import { periodsBetween } from "@/lib/metrics/periods";
import { metricsReport } from "@/lib/metrics/report";
import { metricsTables } from "@/lib/metrics/tables";
import { DEFAULT_WORKING_HOURS } from "@/lib/metrics/working-hours";

const NOW = new Date("2026-11-22T14:37:00Z");
const components = numberedComponents(DEMO_COMPONENTS);
const ids = new Map(components.map((component) => [component.slug, component.id]));
const incidents = demoDataset(NOW).incidents.map((incident) => demoToTimeline(incident, ids));

describe("metrics tables", () => {
  const timeZone = "Europe/Berlin";
  const periods = periodsBetween("quarter", { year: 2012, month: 4, day: 1 }, { year: 2012, month: 9, day: 30 }, timeZone);
  const report = metricsReport(
    { components, incidents, firstSignals: new Map(), actionItems: [] },
    { periods, componentId: ids.get("production")!, workingHours: { ...DEFAULT_WORKING_HOURS, timeZone }, now: NOW },
  );
  const tables = new Map(metricsTables(report, components, timeZone).map((table) => [table.id, table]));

  it("lists #386 with its local start, highest state and minutes", () => {
    const table = tables.get("incidents")!;
    expect(table.columns).toEqual([
      "Incident",
      "Title",
      "Began (Europe/Berlin)",
      "Highest state",
      "Minutes to first public post",
      "Minutes to resolve",
      "Out of working hours",
    ]);
    expect(table.rows).toEqual([["#386", "Widespread Application Outage", "2012-06-30 05:18", "red", "0", "787", "yes"]]);
  });

  it("gives one row per period, empty cells where a figure does not exist", () => {
    expect(tables.get("incidents-by-period")!.rows).toEqual([
      ["2012-Q2", "1", "1", "0", "0", "0", "1", "0", "0", "787"],
      ["2012-Q3", "0", "0", "0", "0", "0", "0", "0", "", ""],
    ]);
    const production = tables.get("components")!.rows.filter((row) => row[1] === "Production");
    // Q2 2012 in Berlin: 1 April 00:00 CEST to 1 July 00:00 CEST, 91 days.
    expect(production).toEqual([
      ["2012-Q2", "Production", "300", "480", "0", (100 * (1 - 300 / (91 * 1440))).toFixed(3)],
      ["2012-Q3", "Production", "0", "0", "0", "100.000"],
    ]);
  });
});

describe("CSV", () => {
  it("writes RFC 4180 rows with CRLF, quoting commas, quotes and line breaks", () => {
    expect(toCsv(["Incident", "Title"], [["#1", 'Errors, "bad" ones\nreally']])).toBe('Incident,Title\r\n#1,"Errors, ""bad"" ones\nreally"\r\n');
  });

  it.each(["+1", "-2+3", "@SUM(A1)", "\tcmd"])("defuses %j, which a spreadsheet would run as a formula, with a leading quote", (cell) => {
    expect(csvCell(cell)).toBe(`'${cell}`);
  });

  it("defuses a formula that also needs CSV quoting", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it.each(["99.306", "a=b"])("leaves %j as it is", (cell) => {
    expect(csvCell(cell)).toBe(cell);
  });
});
