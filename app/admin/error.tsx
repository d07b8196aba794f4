"use client";
// An admin page that failed to load: a plain explanation, never a stack trace.
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/database-errors";
import { DatabaseUnavailable } from "./_components/DatabaseUnavailable";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) return <DatabaseUnavailable />;
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-bold">This page could not be loaded</h1>
      <p>Something went wrong on Beacon&apos;s side; nothing was changed. If the database cannot be reached, publishing is unavailable until it is back.</p>
      <button type="button" onClick={reset} className="underline">
        Try again
      </button>
    </div>
  );
}
