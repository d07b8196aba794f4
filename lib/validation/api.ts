// The write API's request bodies: the shared publish and maintenance schemas' fields, as strict
// JSON objects (unknown fields are errors), with components named by id or slug and times as ISO
// 8601 strings. A body that passes is resolved (slugs → ids) and parsed again with the SAME schema
// the admin forms use, so both reject and accept exactly the same inputs.
import * as z from "zod";
import { incidentStates, openIncidentSchema, postUpdateSchema, editPostSchema, deletePostSchema } from "@/lib/validation/incidents";
import { closeMaintenanceSchema, extendMaintenanceSchema, scheduleMaintenanceSchema } from "@/lib/validation/maintenance";

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
