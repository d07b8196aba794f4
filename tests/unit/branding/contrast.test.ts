import { describe, expect, it } from "vitest";
import { accentContrastProblem, contrastRatio, ratioText, relativeLuminance } from "@/lib/branding/contrast";
import { brandFormSchema } from "@/lib/validation/branding";

describe("WCAG contrast", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    // Known pairs (WebAIM's contrast checker): Tailwind blue-700 and #777 on white.
    ["#1d4ed8", "#ffffff", 6.7],
    ["#777777", "#ffffff", 4.48],
    ["#767676", "#ffffff", 4.54],
  ])("%s on %s is %d:1", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(contrastRatio(a, b), 10);
  });

  it("measures luminance from 0 (black) to 1 (white)", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBe(1);
  });

  it("rounds a ratio down, so a shown 4.50:1 always passes", () => {
    expect(ratioText(4.4999)).toBe("4.49:1");
    expect(ratioText(6.704)).toBe("6.70:1");
  });

  it("accepts a dark accent and refuses a light one with the measured ratio", () => {
    expect(accentContrastProblem("#1d4ed8")).toBeNull();
    expect(accentContrastProblem("#767676")).toMatch(/is 4\.\d\d:1; WCAG AA needs at least 4\.5:1/);
    expect(accentContrastProblem("#facc15")).toMatch(/#facc15 on the page's background \(#fafafa\) is 1\.\d\d:1/);
  });
});

describe("the brand form", () => {
  const parse = (input: Record<string, string>) => brandFormSchema.safeParse({ name: "", accent: "", supportUrl: "", footer: "", ...input });

  it("reads empty fields as Beacon's defaults", () => {
    expect(parse({}).data).toEqual({ name: null, accent: null, supportUrl: null, footer: null });
  });

  it("normalises the colour and refuses one without enough contrast, saying the ratio", () => {
    expect(parse({ accent: "1D4ED8" }).data?.accent).toBe("#1d4ed8");
    expect(parse({ accent: "#03c" }).data?.accent).toBe("#0033cc");
    const refused = parse({ accent: "#ffff00" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/1\.0\d:1/);
    expect(parse({ accent: "red" }).error?.issues[0]?.message).toMatch(/hex code/);
  });

  it("takes only http(s) support links", () => {
    expect(parse({ supportUrl: "https://help.example.com/" }).success).toBe(true);
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "ftp://example.com/", "//example.com"]) {
      expect(parse({ supportUrl: url }).success, url).toBe(false);
    }
  });

  it("keeps the footer plain and bounded", () => {
    expect(parse({ footer: "Line one\nline two\u0007" }).data?.footer).toBe("Line one line two");
    expect(parse({ footer: "x".repeat(281) }).success).toBe(false);
  });
});
