// "Did we break production?" on one screen: the deploys in the window before the incident began
// (adjustable without JavaScript), and for each service that deployed in it the version running,
// its earlier versions labelled −1, −2, … and the version to revert to.
import type { DeploysBeforeIncident as Window } from "@/lib/deploys/history";
import { formatUtc } from "@/lib/text/format-time";
import { AdminSection } from "./AdminSection";
import { AdminTable } from "./AdminTable";
import { BUTTON_CLASS, INPUT_CLASS } from "./Field";

const WINDOW_HOURS = [1, 2, 4, 8, 24, 72] as const;

export function DeploysBeforeIncident({ window, hours, href }: { window: Window; hours: number; href: string }) {
  return (
    <AdminSection id="deploys-before-heading" title="Deploys before this incident">
      <form method="get" action={`${href}#deploys-before-heading`} className="flex flex-wrap items-end gap-2 text-sm">
        <label htmlFor="deploy-window" className="font-medium">
          Window before the start ({formatUtc(window.to)})
        </label>
        <select id="deploy-window" name="window" defaultValue={String(hours)} className={`${INPUT_CLASS} w-auto`}>
          {[...new Set([...WINDOW_HOURS, hours])]
            .sort((a, b) => a - b)
            .map((option) => (
              <option key={option} value={option}>
                {option} hour{option > 1 ? "s" : ""}
              </option>
            ))}
        </select>
        <button type="submit" className={BUTTON_CLASS}>
          Show
        </button>
      </form>
      {window.suspects.length === 0 && <p>No deploys in the {hours} hours before the incident began.</p>}
      <ul className="space-y-3">
        {window.suspects.map((suspect) => (
          <li
            key={`${suspect.environment}/${suspect.service}`}
            data-suspect={suspect.service}
            className="rounded border border-zinc-300 p-3 dark:border-zinc-700"
          >
            <p>
              <strong>{suspect.service}</strong> ({suspect.environment}): running <code>{suspect.running.version}</code> since{" "}
              {formatUtc(suspect.running.deployedAt)}
            </p>
            {suspect.previous.length > 0 ? (
              <>
                <ol className="mt-1 text-sm">
                  {suspect.previous.map((previous) => (
                    <li key={previous.steps} data-steps={previous.steps}>
                      <span className="font-semibold">{previous.label}</span> <code>{previous.version}</code> (deployed {formatUtc(previous.deployedAt)})
                    </li>
                  ))}
                </ol>
                <p className="mt-1 text-sm" data-revert-to={suspect.revertTo}>
                  Revert to <code>{suspect.revertTo}</code> ({suspect.previous[0]?.label}); if that does not help, go back one more.
                </p>
              </>
            ) : (
              <p className="text-sm">No earlier version recorded: nothing to revert to.</p>
            )}
          </li>
        ))}
      </ul>
      <AdminTable
        caption={`Deploys in the ${hours} hours before the incident, newest first`}
        columns={["Deployed (UTC)", "Service", "Version", "Environment", "By"]}
        rows={window.inWindow}
        empty="No deploys in this window."
        renderRow={(deploy) => (
          <tr key={deploy.id} data-deploy-in-window={deploy.version} className="border-t border-zinc-300 dark:border-zinc-700">
            <td className="pr-2">{formatUtc(deploy.deployedAt)}</td>
            <td className="pr-2">{deploy.service}</td>
            <td className="pr-2">
              <code>{deploy.version}</code>
            </td>
            <td className="pr-2">{deploy.environment}</td>
            <td>{deploy.deployedBy}</td>
          </tr>
        )}
      />
    </AdminSection>
  );
}
