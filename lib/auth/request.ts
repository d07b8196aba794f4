// The Next.js side of auth: the session and device cookies, the client's address, and requireRole() — the one
// check every admin page, server action and write endpoint goes through.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { isDatabaseUnreachable } from "@/lib/db/database-errors";
import { DatabaseUnavailableError } from "@/lib/db/database-errors";
import { loadEnv } from "@/lib/runtime/env";
import { REQUESTED_PATH_HEADER, signInPath } from "@/lib/auth/return-path";
import { clientIpOf } from "@/lib/auth/client-ip";
import { AccessDenied, authorize, type Actor, type Role } from "@/lib/auth/roles";
import { actorOf, findSession, SESSION_COOKIE, SESSION_LIFETIME_MS, type RequestMeta, type SessionUser } from "@/lib/auth/session";
import { DEVICE_COOKIE, DEVICE_COOKIE_LIFETIME_MS } from "@/lib/auth/device";
import type { SignInRequest } from "@/lib/auth/sign-in";

export async function requestMeta(): Promise<RequestMeta> {
  const list = await headers();
  return { ip: clientIpOf(list), userAgent: list.get("user-agent") ?? "" };
}

/** What the sign-in use-case needs to know about this request, including its known-device cookie. */
export async function signInRequest(): Promise<SignInRequest> {
  return { ...(await requestMeta()), deviceCookie: (await cookies()).get(DEVICE_COOKIE)?.value };
}

/** The signed-in user of this request, read once per request. Throws DatabaseUnavailableError when the database cannot be reached. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  try {
    return await findSession(db(), token, new Date());
  } catch (error) {
    throw isDatabaseUnreachable(error) ? new DatabaseUnavailableError({ cause: error }) : error;
  }
});

export async function currentActor(): Promise<Actor | null> {
  const user = await currentUser();
  return user ? actorOf(user, (await requestMeta()).ip) : null;
}

/**
 * The actor when their role is at least `minRole`. Pages (the default): anonymous → the sign-in page (which returns there),
 * wrong role → 403 page. Actions and endpoints: throws AccessDenied (401/403) for the caller to report.
 */
export async function requireRole(minRole: Role, surface: "page" | "action" = "page"): Promise<Actor> {
  const actor = await currentActor();
  if (surface === "action") return authorize(actor, minRole);
  try {
    return authorize(actor, minRole);
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.status === 401) redirect(signInPath((await headers()).get(REQUESTED_PATH_HEADER)));
    forbidden();
  }
}

async function isHttps(): Promise<boolean> {
  const proto = (await headers()).get("x-forwarded-proto");
  return proto === "https" || loadEnv().publicUrl.startsWith("https:");
}

async function setPrivateCookie(name: string, value: string, lifetimeMs: number): Promise<void> {
  (await cookies()).set(name, value, { httpOnly: true, sameSite: "lax", secure: await isHttps(), path: "/", maxAge: lifetimeMs / 1000 });
}

/** After a successful sign-in: the session, and the known-device cookie that outlives it. */
export async function setSignInCookies(token: string, deviceCookie: string): Promise<void> {
  await setPrivateCookie(SESSION_COOKIE, token, SESSION_LIFETIME_MS);
  await setPrivateCookie(DEVICE_COOKIE, deviceCookie, DEVICE_COOKIE_LIFETIME_MS);
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
