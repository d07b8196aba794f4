import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/request";
import { ADMIN_CREATE_COMMAND, hasUsers, SETUP_PATH } from "@/lib/auth/setup-code";
import { db } from "@/lib/db/client";
import { RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/admin/login">) {
  const returnTo = safeReturnPath((await searchParams)[RETURN_PARAM]);
  if (await currentUser()) redirect(returnTo);
  if (!(await hasUsers(db()))) return <NoAccountYet />;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Sign in to Beacon</h1>
      <LoginForm returnTo={returnTo} />
    </div>
  );
}

/** The first run: nobody can sign in yet, so the page says how to get in. */
function NoAccountYet() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">No account exists yet</h1>
      <p>
        Create the first admin on the{" "}
        <a href={SETUP_PATH} className="font-semibold underline">
          setup page
        </a>{" "}
        with the setup code the server printed in its log at start (the log shows the page&apos;s address with the code filled in).
      </p>
      <p>
        Or, in a terminal on the server: <code className="break-all">{ADMIN_CREATE_COMMAND}</code>
      </p>
    </div>
  );
}
