"use client";
// After a preview: the preview itself, the hash of the diff being confirmed, the tick for warnings,
// and the button that publishes. Shared by the incident, post and maintenance forms.
import type { PreviewFormState } from "@/lib/admin/form-state";
import { BUTTON_CLASS } from "./Field";

export function ConfirmStep({ state, pending, label }: { state: PreviewFormState; pending: boolean; label: string }) {
  if (!state.preview) return null;
  return (
    <div className="space-y-4">
      {state.preview}
      <input type="hidden" name="impactHash" value={state.impactHash} />
      {state.hasWarnings && (
        <label className="flex items-start gap-2 font-medium">
          <input type="checkbox" name="acknowledgeWarnings" className="mt-1" />I have read the warnings above and want to publish anyway.
        </label>
      )}
      <button type="submit" name="intent" value="publish" disabled={pending} className={`${BUTTON_CLASS} bg-red-800`}>
        {pending ? "Publishing…" : label}
      </button>
    </div>
  );
}
