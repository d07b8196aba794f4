"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { clearSessionCookie, requestMeta, sessionToken } from "@/lib/auth/request";
import { signOut } from "@/lib/auth/sign-in";
import { isDatabaseUnreachable } from "@/lib/db/database-errors";

export async function signOutAction(): Promise<void> {
  const token = await sessionToken();
  try {
    if (token) await signOut(db(), token, (await requestMeta()).ip, new Date());
  } catch (error) {
    // The cookie goes anyway: signing out must work while the database is away (the row expires on its own).
    if (!isDatabaseUnreachable(error)) throw error;
  }
  await clearSessionCookie();
  redirect("/admin/login");
}
