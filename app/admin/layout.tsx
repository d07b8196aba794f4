import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { DatabaseUnavailableError } from "@/lib/db/database-errors";
import { DatabaseUnavailable } from "./_components/DatabaseUnavailable";
import { signOutAction } from "./actions";
import { SkipLink } from "@/components/SkipLink";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Beacon admin" }, robots: { index: false } };

export default async function AdminLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  let user: SessionUser | null;
  try {
    user = await currentUser();
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    // The page itself is not rendered: it would only fail on the same database.
    user = null;
    children = <DatabaseUnavailable />;
  }
  return (
    <>
      <SkipLink />
      <header className="border-b border-zinc-200 bg-zinc-900 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <a href="/admin" className="text-lg font-bold">
            Beacon admin
          </a>
          {user && (
            <nav aria-label="Admin" className="flex flex-wrap items-center gap-4 text-sm">
              <a href="/admin">Dashboard</a>
              <a href="/admin/metrics">Metrics</a>
              {hasRole(user.role, "commander") && <a href="/admin/incidents/new">New incident</a>}
              {hasRole(user.role, "commander") && <a href="/admin/maintenance/new">Maintenance</a>}
              {hasRole(user.role, "commander") && <a href="/admin/templates">Templates</a>}
              <a href="/admin/integrations">Integrations</a>
              <a href="/admin/deploys">Deploys</a>
              <a href="/admin/action-items">Action items</a>
              {hasRole(user.role, "admin") && <a href="/admin/components">Components</a>}
              {hasRole(user.role, "admin") && <a href="/admin/users">Users</a>}
              {hasRole(user.role, "admin") && <a href="/admin/settings">Settings</a>}
              {hasRole(user.role, "admin") && <a href="/admin/audit">Audit log</a>}
              {hasRole(user.role, "admin") && <a href="/admin/tokens">API tokens</a>}
              {hasRole(user.role, "admin") && <a href="/admin/webhooks">Webhooks</a>}
              <a href="/admin/subscribers">Subscribers</a>
              <a href="/">Public page</a>
              <span data-signed-in-as={user.email}>
                {user.email} ({user.role})
              </span>
              <form action={signOutAction}>
                <button type="submit" className="underline">
                  Sign out
                </button>
              </form>
            </nav>
          )}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
