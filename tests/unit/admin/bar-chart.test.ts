import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/admin/BarChart";

const render = (values: { red: number[]; yellow: number[] }) =>
  renderToStaticMarkup(
    createElement(BarChart, {
      id: "chart-test",
      title: "Minutes per period",
      description: "Red and yellow minutes; the figures are in the table Components.",
      categories: ["2012-05", "2012-06"],
      unit: "minutes",
      series: [
        { name: "Red minutes", fillClass: "fill-red-700", values: values.red },
        { name: "Yellow minutes", fillClass: "fill-amber-500", values: values.yellow },
      ],
    }),
  );

describe("BarChart", () => {
  it("names itself by its title and description, and titles every segment in words", () => {
    const html = render({ red: [0, 300], yellow: [0, 480] });
    expect(html).toContain('role="img" aria-labelledby="chart-test-title chart-test-desc"');
    expect(html).toContain('<title id="chart-test-title">Minutes per period</title>');
    expect(html).toContain('<desc id="chart-test-desc">Red and yellow minutes; the figures are in the table Components.</desc>');
    expect(html.match(/<rect [^>]*class="fill-(red|amber)/g)).toHaveLength(2);
    expect(html).toContain("<title>2012-06: Red minutes 300 minutes</title>");
    expect(html).toContain("<title>2012-06: Yellow minutes 480 minutes</title>");
    // The axis runs to a round 1000 above the 780-minute stack: the red segment is 300/1000 of the plot.
    expect(html).toContain(">1000</text>");
  });

  it("draws an empty chart without bars or NaN", () => {
    const html = render({ red: [0, 0], yellow: [0, 0] });
    expect(html).not.toContain("NaN");
    expect(html.match(/<rect [^>]*class="fill-(red|amber)/g)).toBeNull();
  });
});
