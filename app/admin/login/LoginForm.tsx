"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/admin/form-state";
import { RETURN_PARAM } from "@/lib/auth/return-path";
import { signInAction } from "./actions";
import { BUTTON_CLASS, TextField } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";

/** `returnTo`: the admin page the visitor asked for before signing in (validated again on submit). */
export function LoginForm({ returnTo }: { returnTo: string }) {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name={RETURN_PARAM} value={returnTo} />
      <TextField
        name="email"
        label="Email"
        error={errors.email}
        type="email"
        autoComplete="username"
        required
        defaultValue={String(state.values?.email ?? "")}
      />
      <TextField name="password" label="Password" error={errors.password} type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
