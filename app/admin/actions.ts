"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { clearSessionCookie, requestMeta, sessionToken } from "@/lib/auth/request";
import { signOut } from "@/lib/auth/sign-in";

export async function signOutAction(): Promise<void> {
  const token = await sessionToken();
  if (token) await signOut(db(), token, (await requestMeta()).ip, new Date());
  await clearSessionCookie();
  redirect("/admin/login");
}
