// The write API's request bodies: the shared publish and maintenance schemas' fields, as strict
// JSON objects (unknown fields are errors), with components named by id or slug and times as ISO
// 8601 strings. A body that passes is resolved (slugs → ids) and parsed again with the SAME schema
// the admin forms use, so both reject and accept exactly the same inputs.
import * as z from "zod";
import { incidentStates, openIncidentSchema, postUpdateSchema, editPostSchema, deletePostSchema } from "@/lib/validation/incidents";
import { closeMaintenanceSchema, extendMaintenanceSchema, scheduleMaintenanceSchema } from "@/lib/validation/maintenance";
import { createRuleSchema, type CreateRuleInput } from "@/lib/validation/integrations";

/** A component by id (number) or slug (string), e.g. 3 or "git-push". */
export const componentRef = z.union([z.number().int().positive(), z.string().trim().min(1).max(100)], {
  error: 'Name a component by its id (a number) or its slug (e.g. "production").',
});
export type ComponentRef = z.infer<typeof componentRef>;

const isoTime = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time with a time zone, e.g. 2026-11-22T10:00:00Z." });
const stateChanges = z
  .array(z.strictObject({ componentId: componentRef, state: z.enum(incidentStates, { error: "Use green, yellow or red." }) }))
  .max(500)
  .optional();

const { idempotencyKey: _open, ...openShape } = openIncidentSchema.shape;
const { idempotencyKey: _post, incidentNumber: _number, ...postShape } = postUpdateSchema.shape;

export const apiOpenIncidentBody = z.strictObject({
  ...openShape,
  componentIds: z.array(componentRef).min(1, "Name at least one affected component.").max(500),
  stateChanges,
  postedAt: isoTime.optional(),
});

export const apiPostBody = z.strictObject({ ...postShape, stateChanges, postedAt: isoTime.optional() });

export const apiEditPostBody = z.strictObject({ body: editPostSchema.shape.body });
export const apiDeletePostBody = z.strictObject({ reason: deletePostSchema.shape.reason });

const { idempotencyKey: _maintenance, ...maintenanceShape } = scheduleMaintenanceSchema.shape;
export const apiScheduleMaintenanceBody = z.strictObject({
  ...maintenanceShape,
  componentIds: z.array(componentRef).min(1, "Name at least one component under maintenance.").max(500),
  startsAt: isoTime,
  endsAt: isoTime,
});
export const apiExtendMaintenanceBody = z.strictObject({ endsAt: isoTime, body: extendMaintenanceSchema.shape.body });
export const apiCloseMaintenanceBody = z.strictObject({ body: closeMaintenanceSchema.shape.body });

/** Path parameters: an incident number and a post id. */
export const incidentPath = z.object({
  number: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
});
export const postPath = incidentPath.extend({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
});

/** The `Idempotency-Key` header: 1–200 visible ASCII characters, e.g. a UUID or an alert id. */
export const idempotencyKeyHeader = z.string().regex(/^[\x21-\x7e]{1,200}$/, "Idempotency-Key must be 1–200 visible ASCII characters.");

const rule = createRuleSchema.shape;
/** POST /api/admin/alert-rules: a rule in snake_case; omitted fields take the admin form's defaults. */
export const apiCreateRuleBody = z.strictObject({
  integration_id: rule.integrationId.unwrap().optional(),
  name: rule.name,
  matchers: rule.matchers.unwrap().optional(),
  component_ids: z.array(componentRef).min(1, "Choose at least one component.").max(100),
  severity_states: rule.severityStates.unwrap().optional(),
  fixed_state: rule.fixedState.unwrap().optional(),
  title_template: rule.titleTemplate.unwrap().optional(),
  body_template: rule.bodyTemplate.unwrap().optional(),
  mode: rule.mode.unwrap().optional(),
  resolve_automatically: rule.resolveAutomatically.unwrap().optional(),
});
/** PATCH /api/admin/alert-rules/:id: only the fields to change; the others keep their values. */
export const apiUpdateRuleBody = apiCreateRuleBody.partial();
export type ApiRuleBody = z.infer<typeof apiUpdateRuleBody>;

/** The fields a body sets, in the shared rule schema's words (components already resolved to ids). */
export function ruleInputOf(body: ApiRuleBody, componentIds: number[] | undefined): Partial<CreateRuleInput> {
  const input: Partial<CreateRuleInput> = {
    integrationId: body.integration_id,
    name: body.name,
    matchers: body.matchers,
    componentIds,
    severityStates: body.severity_states,
    fixedState: body.fixed_state,
    titleTemplate: body.title_template,
    bodyTemplate: body.body_template,
    mode: body.mode,
    resolveAutomatically: body.resolve_automatically,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** No fields: the query of a GET without parameters, the body ({}) of a DELETE that needs no reason. */
export const apiEmptyBody = z.strictObject({});

/** Path parameter: an alert rule's id. */
export const rulePath = z.object({ id: postPath.shape.id });
