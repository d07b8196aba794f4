// The confirm step of every publishing form (incidents, posts, maintenance): a "preview" submit
// shows what customers will see and the diff; a "publish" submit carries the hash of that diff and
// lands only if nothing changed since (else the new preview is shown again, with why).
import { redirect } from "next/navigation";
import { withFieldErrors } from "@/lib/admin/action";
import type { FormState, PreviewFormState } from "@/lib/admin/form-state";
import type { Impact } from "@/lib/incidents/impact";
import type { PublishOutcome } from "@/lib/incidents/publish";
import type { Confirmation } from "@/lib/validation/incidents";
import { ImpactPreview } from "./_components/ImpactPreview";

const CONFIRM_AGAIN: Record<Exclude<PublishOutcome, { status: "published" }>["reason"], string> = {
  unconfirmed: "Check the preview below, then publish.",
  changed: "What customers will see has changed since your preview (your edits, or another change). Check the new preview, then publish.",
  warnings: "Tick the box to confirm you have read the warnings, then publish.",
};

export interface PublishSteps {
  preview(now: Date): Promise<Impact>;
  publish(now: Date, confirmation: Confirmation): Promise<PublishOutcome>;
  /** Where to go once published. */
  shown(outcome: Extract<PublishOutcome, { status: "published" }>): string;
}

export async function previewOrPublish(values: FormState["values"], confirmation: Confirmation | undefined, steps: PublishSteps): Promise<PreviewFormState> {
  const now = new Date();
  return withFieldErrors(values, async () => {
    const outcome: PublishOutcome = confirmation
      ? await steps.publish(now, confirmation)
      : { status: "needs-confirmation", reason: "unconfirmed", impact: await steps.preview(now) };
    if (outcome.status === "published") redirect(steps.shown(outcome));
    return {
      status: "idle",
      message: confirmation ? CONFIRM_AGAIN[outcome.reason] : undefined,
      values,
      preview: <ImpactPreview impact={outcome.impact} now={now} />,
      impactHash: outcome.impact.hash,
      hasWarnings: outcome.impact.warnings.length > 0,
    };
  });
}
