import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/request";
import { RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/admin/login">) {
  const returnTo = safeReturnPath((await searchParams)[RETURN_PARAM]);
  if (await currentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Sign in to Beacon</h1>
      <LoginForm returnTo={returnTo} />
    </div>
  );
}
