import { describe, expect, it } from "vitest";
import { withQueryParam } from "@/lib/text/query-params";

describe("withQueryParam", () => {
  it.each([
    ["/history?lang=de&page=2", "lang", undefined, "/history?page=2"],
    ["/history?lang=de", "lang", undefined, "/history"],
    ["/", "lang", undefined, "/"],
    ["/history?page=2", "lang", "ja", "/history?page=2&lang=ja"],
    ["/history?lang=de&page=2", "lang", "fr", "/history?lang=fr&page=2"],
    ["/components/api?tz=Europe%2FBerlin", "tz", "Asia/Tokyo", "/components/api?tz=Asia%2FTokyo"],
  ])("%s with %s=%s is %s", (path, name, value, expected) => {
    expect(withQueryParam(path, name, value)).toBe(expected);
  });
});
