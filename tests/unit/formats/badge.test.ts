import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { BADGE_COLORS, BADGE_LABEL_COLOR, stateBadge } from "@/lib/formats/badge";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("status badges", () => {
  it.each([
    ["green", "operational"],
    ["blue", "under maintenance"],
    ["yellow", "degraded"],
    ["red", "outage"],
    [null, "unknown"],
  ] as const)("a %s badge says %s in text and has an accessible name", (state, words) => {
    const svg = stateBadge("status", state);
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect(root["@role"]).toBe("img");
    expect(root["@aria-label"]).toBe(`status: ${words}`);
    expect(root.title).toBe(`status: ${words}`);
    expect(svg).toContain(`fill="${BADGE_COLORS[state ?? "unknown"]}"`);
    expect(root.g[1].text.map((text: { "#text": string }) => text["#text"])).toEqual(["status", "status", words, words]);
  });

  it("uses colours on which white text has a contrast of at least 4.5:1", () => {
    for (const color of [...Object.values(BADGE_COLORS), BADGE_LABEL_COLOR]) expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it("grows with its text and escapes a component's name", () => {
    const short = stateBadge("API", "green");
    const long = stateBadge('Add-on provisioning <&> "EU"', "green");
    expect(XMLValidator.validate(long)).toBe(true);
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width(long)).toBeGreaterThan(width(short) + 100);
    expect(long).toContain("Add-on provisioning &lt;&amp;&gt; &quot;EU&quot;");
  });
});
