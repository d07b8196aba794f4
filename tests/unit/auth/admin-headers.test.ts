import { describe, expect, it } from "vitest";
import { ADMIN_API_POLICY, adminPagePolicy, adminSecurityHeaders } from "@/lib/auth/admin-headers";

describe("admin security headers", () => {
  it("allow only scripts with this request's nonce on pages, and no framing", () => {
    const policy = adminPagePolicy("bm9uY2U=");
    expect(policy).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    // Only the development server needs eval (React's hot reload).
    expect(adminPagePolicy("bm9uY2U=", true)).toContain("'unsafe-eval'");
  });

  it("load nothing for the admin API, and send the other headers with either policy", () => {
    expect(ADMIN_API_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(adminSecurityHeaders(ADMIN_API_POLICY)).toEqual({
      "Content-Security-Policy": ADMIN_API_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
