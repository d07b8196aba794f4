import { describe, expect, it } from "vitest";
import { newSetupCode, normalizeSetupCode, setupAnnouncement } from "@/lib/auth/setup-code";

describe("setup code", () => {
  it("is 12 characters a person can read off a terminal, grouped by four, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, newSetupCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it("matches however it was typed: case, spaces and dashes do not matter", () => {
    expect(normalizeSetupCode(" abcd-efgh jkmn ")).toBe("ABCDEFGHJKMN");
    expect(normalizeSetupCode("ABCD-EFGH-JKMN")).toBe(normalizeSetupCode("abcdefghjkmn"));
  });

  it("is announced with the setup URL, the code filled in, and the terminal command", () => {
    const [url, terminal] = setupAnnouncement("https://status.example.com", "ABCD-EFGH-JKMN");
    expect(url).toContain("https://status.example.com/admin/setup?code=ABCD-EFGH-JKMN");
    expect(terminal).toContain("npm run admin -- create");
  });
});
