// Who commands the incident now, and (for commanders) taking command, handing it off, writing a
// note or a link, and freezing or unfreezing deploys of an environment.
import type { PreviewFormState } from "@/lib/admin/form-state";
import { DEPLOY_ENVIRONMENTS, type DeployEnvironment } from "@/lib/validation/deploys";
import type { GateFreeze } from "@/lib/deploys/gate";
import { formatUtc } from "@/lib/text/format-time";
import { AdminForm } from "./AdminForm";
import { AdminSection } from "./AdminSection";

type Action = (state: PreviewFormState, formData: FormData) => Promise<PreviewFormState>;

export interface CommandActions {
  takeCommand: Action;
  handOff: Action;
  addNote: Action;
  addLink: Action;
  freeze: Action;
  unfreeze: Action;
}

interface Props {
  incidentNumber: number;
  commander: string | null;
  /** The signed-in person commands it already. */
  commandsIt: boolean;
  candidates: readonly { id: number; label: string }[];
  freezes: Record<DeployEnvironment, readonly GateFreeze[]>;
  /** null for viewers: they read, they do not write. */
  actions: CommandActions | null;
}

export function IncidentCommand({ incidentNumber, commander, commandsIt, candidates, freezes, actions }: Props) {
  const incident = { kind: "hidden", name: "incidentNumber", value: String(incidentNumber) } as const;
  return (
    <AdminSection id="command-heading" title="Command">
      <p data-commander={commander ?? ""}>{commander ? `Commanded by ${commander}.` : "Nobody has taken command yet."}</p>
      <ul className="text-sm" aria-label="Deploy freezes">
        {DEPLOY_ENVIRONMENTS.map((environment) => (
          <li key={environment} data-freeze={environment} data-frozen={freezes[environment].length > 0 ? "" : undefined}>
            {freezes[environment].length > 0
              ? freezes[environment]
                  .map((f) => `Deploys to ${environment} frozen since ${formatUtc(f.frozenAt)} by ${f.frozenBy}${f.reason ? `: ${f.reason}` : ""}`)
                  .join("; ")
              : `Deploys to ${environment} are not frozen.`}
          </li>
        ))}
      </ul>
      {actions && (
        <div className="grid gap-6 md:grid-cols-2">
          {!commandsIt && <AdminForm action={actions.takeCommand} fields={[incident]} submitLabel="Take command" idPrefix="take-" />}
          <AdminForm
            action={actions.handOff}
            idPrefix="handoff-"
            submitLabel="Hand off"
            fields={[
              incident,
              { kind: "select", name: "toUserId", label: "Hand command to", options: candidates.map((c) => [String(c.id), c.label] as const) },
            ]}
          />
          <AdminForm
            action={actions.addNote}
            idPrefix="note-"
            submitLabel="Add note"
            fields={[incident, { kind: "textarea", name: "body", label: "Internal note (Markdown; never public)" }]}
          />
          <AdminForm
            action={actions.addLink}
            idPrefix="link-"
            submitLabel="Add link"
            fields={[
              incident,
              { kind: "text", name: "title", label: "Link title", hint: "A dashboard, a log search, a provider ticket. Shown as a link, never fetched." },
              { kind: "text", name: "url", label: "Link address (http or https)" },
            ]}
          />
          {DEPLOY_ENVIRONMENTS.map((environment) =>
            freezes[environment].length > 0 ? (
              <AdminForm
                key={environment}
                action={actions.unfreeze}
                idPrefix={`unfreeze-${environment}-`}
                submitLabel={`Unfreeze ${environment} deploys`}
                fields={[incident, { kind: "hidden", name: "environment", value: environment }]}
              />
            ) : (
              <AdminForm
                key={environment}
                action={actions.freeze}
                idPrefix={`freeze-${environment}-`}
                submitLabel={`Freeze ${environment} deploys`}
                danger
                fields={[
                  incident,
                  { kind: "hidden", name: "environment", value: environment },
                  { kind: "text", name: "reason", label: `Why freeze ${environment} deploys? (optional)` },
                ]}
              />
            ),
          )}
        </div>
      )}
    </AdminSection>
  );
}
