import { describe, expect, it } from "vitest";
import { issueDeviceCookie, readDeviceCookie } from "@/lib/auth/device";

const SECRET = "a session secret of at least 32 characters";

describe("known-device cookie", () => {
  it("names the user and a device, and reads back only with the same secret", () => {
    const cookie = issueDeviceCookie(SECRET, 42);
    const device = readDeviceCookie(SECRET, cookie);
    expect(device).toMatchObject({ userId: 42 });
    expect(readDeviceCookie(SECRET, issueDeviceCookie(SECRET, 42, device!.deviceId))).toEqual(device);
    expect(readDeviceCookie("another secret of at least 32 characters", cookie)).toBeNull();
  });

  it("cannot be moved to another user or forged", () => {
    const [, deviceId, signature] = issueDeviceCookie(SECRET, 42).split(".");
    expect(readDeviceCookie(SECRET, `43.${deviceId}.${signature}`)).toBeNull();
    expect(readDeviceCookie(SECRET, `42.${deviceId}.${"A".repeat(43)}`)).toBeNull();
    for (const junk of [undefined, "", "42", "42..", `42.${deviceId}.${signature}.x`, `0.${deviceId}.${signature}`])
      expect(readDeviceCookie(SECRET, junk)).toBeNull();
  });
});
