"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/admin/form-state";
import { setupAction } from "./actions";
import { BUTTON_CLASS, TextField } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";

/** `code`: the setup code from the URL the server printed, prefilled. */
export function SetupForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(setupAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const kept = (name: string, fallback = "") => String(state.values?.[name] ?? fallback);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="code"
        label="Setup code"
        error={errors.code}
        hint="Printed in the server's log at start, e.g. ABCD-EFGH-JKLM."
        type="text"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={kept("code", code)}
      />
      <TextField name="name" label="Your name" error={errors.name} type="text" autoComplete="name" defaultValue={kept("name")} />
      <TextField name="email" label="Email" error={errors.email} type="email" autoComplete="username" required defaultValue={kept("email")} />
      <TextField name="password" label="Password" error={errors.password} hint="At least 12 characters." type="password" autoComplete="new-password" required />
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        {pending ? "Creating the admin…" : "Create admin and sign in"}
      </button>
    </form>
  );
}
