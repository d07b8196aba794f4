"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/admin/form-state";
import { signInAction } from "./actions";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";

export function LoginForm() {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="email" label="Email" error={errors.email}>
        {(control) => <input {...control} type="email" autoComplete="username" required defaultValue={String(state.values?.email ?? "")} className={INPUT_CLASS} />}
      </Field>
      <Field name="password" label="Password" error={errors.password}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required className={INPUT_CLASS} />}
      </Field>
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
