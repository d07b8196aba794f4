import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashConfirmToken, newConfirmToken, signLinkToken, verifyLinkToken } from "@/lib/subscriptions/tokens";

const key = randomBytes(32);
const ada = { id: 42, manageKeyVersion: 3 };

describe("confirmation tokens", () => {
  it("are 32 random bytes, stored only as their hash", () => {
    const one = newConfirmToken();
    const two = newConfirmToken();
    expect(Buffer.from(one.token, "base64url")).toHaveLength(32);
    expect(one.token).not.toBe(two.token);
    expect(one.hash).toBe(hashConfirmToken(one.token));
    expect(one.hash).not.toContain(one.token);
  });
});

describe("signed manage and unsubscribe links", () => {
  it("verify for the subscriber, version and purpose they were signed for", () => {
    expect(verifyLinkToken(key, "manage", signLinkToken(key, "manage", ada))).toEqual(ada);
    expect(verifyLinkToken(key, "unsubscribe", signLinkToken(key, "unsubscribe", ada))).toEqual(ada);
  });

  it("refuse another purpose, another key, a changed id or version, and garbage", () => {
    const token = signLinkToken(key, "unsubscribe", ada);
    const [, , mac] = token.split(".");
    expect(verifyLinkToken(key, "manage", token)).toBeNull();
    expect(verifyLinkToken(randomBytes(32), "unsubscribe", token)).toBeNull();
    expect(verifyLinkToken(key, "unsubscribe", `43.3.${mac}`)).toBeNull();
    expect(verifyLinkToken(key, "unsubscribe", `42.4.${mac}`)).toBeNull();
    for (const bad of ["", "42.3", "42.3.short", `0.3.${mac}`, `42.3.${mac}x`, `42.3.${mac}\r\n`]) expect(verifyLinkToken(key, "unsubscribe", bad)).toBeNull();
  });
});
