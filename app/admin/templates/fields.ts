// The template form's fields: what the new-incident form will be prefilled with.
import type { FieldSpec } from "../_components/AdminForm";

interface Component {
  name: string;
  slug: string;
}

const POST_TYPES = [
  ["investigating", "Investigating"],
  ["issue", "Issue"],
  ["update", "Update"],
  ["resolved", "Resolved"],
] as const;
const STATES = [
  ["", "Leave as is"],
  ["green", "Operational"],
  ["yellow", "Degraded"],
  ["red", "Outage"],
] as const;

export function templateFields(components: readonly Component[], values: Record<string, string | string[]> = {}): FieldSpec[] {
  const value = (name: string, fallback = "") => (typeof values[name] === "string" ? values[name] : fallback);
  return [
    { kind: "text", name: "name", label: "Template name", value: value("name"), hint: "Only commanders see it, e.g. “Elevated errors”." },
    {
      kind: "text",
      name: "title",
      label: "Incident title",
      value: value("title"),
      hint: "Placeholders such as {component} must be replaced before publishing.",
    },
    { kind: "select", name: "postType", label: "First post type", value: value("postType", "investigating"), options: POST_TYPES },
    { kind: "textarea", name: "body", label: "Message (Markdown)", value: value("body"), hint: "E.g. “We are investigating elevated errors on {component}.”" },
    ...components.map(
      (component): FieldSpec => ({
        kind: "select",
        name: `state.${component.slug}`,
        label: `${component.name} state`,
        value: value(`state.${component.slug}`),
        options: STATES,
      }),
    ),
  ];
}
