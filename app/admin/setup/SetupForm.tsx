"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/admin/form-state";
import { setupAction } from "./actions";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";

/** `code`: the setup code from the URL the server printed, prefilled. */
export function SetupForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(setupAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const kept = (name: string, fallback = "") => String(state.values?.[name] ?? fallback);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="code" label="Setup code" error={errors.code} hint="Printed in the server's log at start, e.g. ABCD-EFGH-JKLM.">
        {(control) => (
          <input {...control} type="text" autoComplete="off" spellCheck={false} required defaultValue={kept("code", code)} className={INPUT_CLASS} />
        )}
      </Field>
      <Field name="name" label="Your name" error={errors.name}>
        {(control) => <input {...control} type="text" autoComplete="name" defaultValue={kept("name")} className={INPUT_CLASS} />}
      </Field>
      <Field name="email" label="Email" error={errors.email}>
        {(control) => <input {...control} type="email" autoComplete="username" required defaultValue={kept("email")} className={INPUT_CLASS} />}
      </Field>
      <Field name="password" label="Password" error={errors.password} hint="At least 12 characters.">
        {(control) => <input {...control} type="password" autoComplete="new-password" required className={INPUT_CLASS} />}
      </Field>
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        {pending ? "Creating the admin…" : "Create admin and sign in"}
      </button>
    </form>
  );
}
