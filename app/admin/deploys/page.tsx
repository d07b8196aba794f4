import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { deploysByService } from "@/lib/deploys/queries";
import { classifyDeploys } from "@/lib/deploys/history";
import { formatUtc } from "@/lib/text/format-time";
import { AdminSection } from "../_components/AdminSection";
import { AdminTable } from "../_components/AdminTable";

export const metadata: Metadata = { title: "Deploys" };

const COLUMNS = ["Deployed (UTC)", "Version", "Environment", "By", "Recorded by", "Notes"];

export default async function DeploysPage() {
  await requireRole("viewer");
  const services = await deploysByService(db());
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Deploys</h1>
      <p>
        Deploys recorded by CI through <code>POST /api/admin/deploys</code> or <code>npm run beacon -- deploy</code>, newest first per service. A version
        deployed again is a revert.
      </p>
      {services.length === 0 && <p>No deploys recorded yet.</p>}
      {services.map(({ service, deploys }) => {
        // Newest first on screen; a revert is told from the older deploys listed with it.
        const classified = classifyDeploys(deploys).reverse();
        return (
          <AdminSection key={service} id={`service-${service.replace(/[^A-Za-z0-9_-]/g, "-")}`} title={service}>
            <AdminTable
              caption={`Deploys of ${service}, newest first`}
              columns={COLUMNS}
              rows={classified}
              empty="No deploys."
              renderRow={(deploy) => (
                <tr key={deploy.id} data-deploy={deploy.version} className="border-t border-zinc-300 align-top dark:border-zinc-700">
                  <td className="pr-2">{formatUtc(deploy.deployedAt)}</td>
                  <td className="pr-2">
                    <code>{deploy.version}</code>
                    {deploy.previousVersion && <span className="text-zinc-600 dark:text-zinc-400"> (from {deploy.previousVersion})</span>}
                  </td>
                  <td className="pr-2">{deploy.environment}</td>
                  <td className="pr-2">{deploy.deployedBy}</td>
                  <td className="pr-2">{deploy.recordedByLabel}</td>
                  <td>
                    {[
                      deploy.revertOf ? `Revert to ${deploy.revertOf.version}` : "",
                      deploy.forcedThroughGate ? `Forced through the closed gate by ${deploy.forcedBy}` : "",
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                    {deploy.url && (
                      <>
                        {" "}
                        <a href={deploy.url} rel="noopener noreferrer nofollow" className="underline">
                          details
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              )}
            />
          </AdminSection>
        );
      })}
    </div>
  );
}
