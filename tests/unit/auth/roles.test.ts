import { describe, expect, it } from "vitest";
import { AccessDenied, authorize, hasRole, type Actor, type Role } from "@/lib/auth/roles";

const actor = (role: Role): Actor => ({ userId: 1, label: `${role}@example.com`, role, ip: "" });

describe("roles", () => {
  it.each([
    ["viewer", "viewer", true],
    ["viewer", "commander", false],
    ["commander", "viewer", true],
    ["commander", "commander", true],
    ["commander", "admin", false],
    ["admin", "commander", true],
  ] as const)("%s meets %s: %s", (role, minRole, expected) => {
    expect(hasRole(role, minRole)).toBe(expected);
  });

  it("refuses anonymous with 401 and a too-low role with 403", () => {
    expect(() => authorize(null, "viewer")).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => authorize(actor("viewer"), "commander")).toThrow(AccessDenied);
    expect(() => authorize(actor("viewer"), "commander")).toThrow(expect.objectContaining({ status: 403 }));
    expect(authorize(actor("admin"), "commander").label).toBe("admin@example.com");
  });
});
