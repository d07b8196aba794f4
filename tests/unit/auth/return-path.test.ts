import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "@/lib/auth/return-path";

describe("safeReturnPath: back to the admin page asked for, never elsewhere", () => {
  it.each([
    ["/admin/incidents/new", "/admin/incidents/new"],
    ["/admin/templates?x=1", "/admin/templates?x=1"],
    ["/admin/incidents/new?template=3&_rsc=abc", "/admin/incidents/new?template=3"],
    ["/admin", "/admin"],
  ])("keeps %j", (value, expected) => expect(safeReturnPath(value)).toBe(expected));

  it.each([
    "//evil.example/admin",
    "https://evil.example/admin",
    "/\\evil.example/admin",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/history",
    "/administrator",
    "/admin/../history",
    "/admin/login",
    "admin/users",
    "",
    undefined,
    ["/admin/users"],
    `/admin/${"a".repeat(3000)}`,
  ])("refuses %j", (value) => expect(safeReturnPath(value)).toBe("/admin"));
});

describe("signInPath", () => {
  it("carries the requested admin page, and nothing for the dashboard or a foreign address", () => {
    expect(signInPath("/admin/users?x=1")).toBe("/admin/login?next=%2Fadmin%2Fusers%3Fx%3D1");
    expect(signInPath("/admin")).toBe("/admin/login");
    expect(signInPath("//evil.example")).toBe("/admin/login");
    expect(signInPath(null)).toBe("/admin/login");
  });
});
