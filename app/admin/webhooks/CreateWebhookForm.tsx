"use client";
// Register an endpoint: URL, optional secret, format (Beacon JSON or a chat platform, with which URL
// to paste), and which components and events it hears about.
import { useActionState, useState } from "react";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookFormat } from "@/lib/validation/webhooks";
import { WEBHOOK_FORMAT_CHOICES } from "@/lib/webhooks/formats";
import type { SecretFormState } from "@/lib/admin/form-state";
import { BUTTON_CLASS, SelectField, TextField } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import { ShownOnce } from "../_components/ShownOnce";

type Action = (state: SecretFormState, formData: FormData) => Promise<SecretFormState>;

const FORMAT_CHOICES = WEBHOOK_FORMATS.map((format) => [format, WEBHOOK_FORMAT_CHOICES[format].label] as const);

export function CreateWebhookForm({ action, components }: { action: Action; components: { id: number; name: string; parentId: number | null }[] }) {
  const [state, submit, pending] = useActionState(action, { status: "idle" });
  const value = (name: string) => (state.status === "error" ? String(state.values?.[name] ?? "") : "");
  const [format, setFormat] = useState<WebhookFormat>("json");
  return (
    <form action={submit} className="space-y-4 rounded border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 className="text-xl font-semibold">Register an endpoint</h2>
      <FormMessage state={state} />
      {state.secret && <ShownOnce label="Signing secret (shown once):" secret={state.secret} marker="new-secret" />}
      <TextField name="name" label="Name" error={state.fieldErrors?.name} defaultValue={value("name")} />
      <TextField name="url" label="URL" error={state.fieldErrors?.url} type="url" defaultValue={value("url")} />
      <TextField
        name="secret"
        label="Signing secret"
        hint="At least 16 characters; leave empty to generate one. Chat platforms ignore the signature."
        error={state.fieldErrors?.secret}
        autoComplete="off"
      />
      <SelectField
        name="format"
        label="Payload"
        hint={WEBHOOK_FORMAT_CHOICES[format].hint}
        error={state.fieldErrors?.format}
        value={format}
        onChange={(event) => setFormat(event.target.value as WebhookFormat)}
        options={FORMAT_CHOICES}
      />
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
