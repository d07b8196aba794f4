import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { ADMIN_CREATE_COMMAND, hasUsers } from "@/lib/auth/setup-code";
import { SetupForm } from "./SetupForm";

export const metadata: Metadata = { title: "Set up Beacon" };

/** The first run: only while no user exists; afterwards this page is gone (404). */
export default async function SetupPage({ searchParams }: PageProps<"/admin/setup">) {
  if (await hasUsers(db())) notFound();
  const code = (await searchParams).code;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Set up Beacon</h1>
      <p>
        Create the first admin. The setup code is printed in the server&apos;s log at each start while no account exists (<code>npm run up</code> and{" "}
        <code>npm start</code> show it with this page&apos;s address), so only someone who can read the log can claim this server.
      </p>
      <SetupForm code={typeof code === "string" ? code : ""} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Or create the admin from a terminal on the server: <code className="break-all">{ADMIN_CREATE_COMMAND}</code>
      </p>
    </div>
  );
}
