"use client";
// Register an endpoint: URL, optional secret, format (Beacon JSON or a chat platform, with which URL
// to paste), and which components and events it hears about.
import { useActionState, useState } from "react";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookFormat } from "@/lib/validation/webhooks";
import { WEBHOOK_FORMAT_CHOICES } from "@/lib/webhooks/formats";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import { ShownOnce } from "../_components/ShownOnce";
import type { WebhookFormState } from "./actions";

type Action = (state: WebhookFormState, formData: FormData) => Promise<WebhookFormState>;

export function CreateWebhookForm({ action, components }: { action: Action; components: { id: number; name: string; parentId: number | null }[] }) {
  const [state, submit, pending] = useActionState(action, { status: "idle" });
  const value = (name: string) => (state.status === "error" ? String(state.values?.[name] ?? "") : "");
  const [format, setFormat] = useState<WebhookFormat>("json");
  return (
    <form action={submit} className="space-y-4 rounded border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 className="text-xl font-semibold">Register an endpoint</h2>
      <FormMessage state={state} />
      {state.secret && <ShownOnce label="Signing secret (shown once):" secret={state.secret} marker="new-secret" />}
      <Field name="name" label="Name" error={state.fieldErrors?.name}>
        {(control) => <input {...control} defaultValue={value("name")} className={INPUT_CLASS} />}
      </Field>
      <Field name="url" label="URL" error={state.fieldErrors?.url}>
        {(control) => <input {...control} type="url" defaultValue={value("url")} className={INPUT_CLASS} />}
      </Field>
      <Field
        name="secret"
        label="Signing secret"
        hint="At least 16 characters; leave empty to generate one. Chat platforms ignore the signature."
        error={state.fieldErrors?.secret}
      >
        {(control) => <input {...control} autoComplete="off" className={INPUT_CLASS} />}
      </Field>
      <Field name="format" label="Payload" hint={WEBHOOK_FORMAT_CHOICES[format].hint} error={state.fieldErrors?.format}>
        {(control) => (
          <select {...control} value={format} onChange={(event) => setFormat(event.target.value as WebhookFormat)} className={INPUT_CLASS}>
            {WEBHOOK_FORMATS.map((choice) => (
              <option key={choice} value={choice}>
                {WEBHOOK_FORMAT_CHOICES[choice].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="space-y-1">
        <legend className="font-medium">Only incidents affecting these components (none ticked: all; a system includes its sub-components)</legend>
        {components.map((component) => (
          <label key={component.id} className={`block ${component.parentId ? "pl-6" : ""}`}>
            <input type="checkbox" name="componentIds" value={component.id} /> {component.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="font-medium">Events (none ticked: all)</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="block">
            <input type="checkbox" name="events" value={event} /> {event}
          </label>
        ))}
        {state.fieldErrors?.events && <p className="text-sm font-medium text-red-700">{state.fieldErrors.events}</p>}
      </fieldset>
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        Register endpoint
      </button>
    </form>
  );
}
