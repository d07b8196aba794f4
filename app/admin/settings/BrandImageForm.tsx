"use client";
// Upload (or remove) the logo or the favicon: a plain multipart form, so it works before (or
// without) JavaScript; the image is checked on the server (lib/branding/images.ts).
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/admin/form-state";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  kind: "logo" | "favicon";
  label: string;
  hint: string;
  /** The image now in use, if any: shown, and it can be removed. */
  current: { src: string; alt: string } | null;
}

export function BrandImageForm({ action, kind, label, hint, current }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" data-brand-image={kind}>
      <FormMessage state={state} />
      <input type="hidden" name="kind" value={kind} />
      {current && (
        // biome-ignore lint/performance/noImgElement: the served image itself, exactly as readers get it
        <img src={current.src} alt={current.alt} className="max-h-16 rounded border border-zinc-300 bg-white p-1" />
      )}
      <Field name={`${kind}-file`} label={label} hint={hint} error={state.fieldErrors?.[kind]}>
        {(control) => <input {...control} name="file" type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" className={INPUT_CLASS} />}
      </Field>
      <div className="flex gap-3">
        <button type="submit" name="intent" value="upload" disabled={pending} className={BUTTON_CLASS}>
          Upload {kind}
        </button>
        {current && (
          <button type="submit" name="intent" value="remove" disabled={pending} className={`${BUTTON_CLASS} bg-red-800`}>
            Remove {kind}
          </button>
        )}
      </div>
    </form>
  );
}
