// PURE: a template as the new-incident form's initial values (the publish form's field names), and
// a template as the template form's values. Components are matched by slug; unknown slugs are skipped.
import { templateStatesSchema } from "@/lib/validation/templates";

export interface TemplateRow {
  name: string;
  title: string;
  postType: string;
  body: string;
  componentStates: unknown;
}

type Values = Record<string, string | string[]>;

export function incidentFormValues(template: TemplateRow, components: readonly { id: number; slug: string }[]): Values {
  const idOf = new Map(components.map((component) => [component.slug, String(component.id)]));
  const values: Values = { title: template.title, type: template.postType, body: template.body };
  const componentIds: string[] = [];
  for (const { componentSlug, state } of templateStatesSchema.parse(template.componentStates)) {
    const id = idOf.get(componentSlug);
    if (id === undefined) continue;
    componentIds.push(id);
    values[`state.${id}`] = state;
  }
  values.componentIds = componentIds;
  return values;
}

export function templateFormValues(template: TemplateRow): Values {
  const values: Values = { name: template.name, title: template.title, postType: template.postType, body: template.body };
  for (const { componentSlug, state } of templateStatesSchema.parse(template.componentStates)) values[`state.${componentSlug}`] = state;
  return values;
}
