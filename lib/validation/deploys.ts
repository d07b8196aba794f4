// Inputs of deploy recording, the deploy gate and deploy freezes, shared by the admin forms, the
// write API and the CLI.
import * as z from "zod";
import { singleLineText } from "@/lib/validation/text";

/** The environments deploys go to; each is the top-level system of the same slug (Production, Development). */
export const DEPLOY_ENVIRONMENTS = ["production", "development"] as const;
export type DeployEnvironment = (typeof DEPLOY_ENVIRONMENTS)[number];

export const deployEnvironmentSchema = z.enum(DEPLOY_ENVIRONMENTS, { error: "Choose production or development." });

/** http(s) only: a link is shown to people, never fetched by Beacon, and must not be `javascript:`. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const httpUrlSchema = singleLineText()
  .min(1, "Enter an address.")
  .max(2000, "Keep the address under 2,000 characters.")
  .refine(isHttpUrl, "Enter an http:// or https:// address.");

export const serviceNameSchema = singleLineText()
  .min(1, "Name the service, e.g. git-server.")
  .max(100, "Keep the service name under 100 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "Use letters, digits, dots, dashes, slashes and underscores only.");

export const versionSchema = singleLineText().min(1, "Give the version deployed.").max(100, "Keep the version under 100 characters.");

export const recordDeploySchema = z.object({
  service: serviceNameSchema,
  version: versionSchema,
  previousVersion: versionSchema.optional(),
  environment: deployEnvironmentSchema.default("production"),
  url: httpUrlSchema.optional(),
  /** Who deployed, as CI names them (a person or a pipeline). */
  deployedBy: singleLineText().min(1, "Say who deployed.").max(200, "Keep the name under 200 characters."),
  /** Deploy although the gate is closed; recorded with who forced it. */
  force: z.boolean().default(false),
  /** When it went out; omitted means now. */
  deployedAt: z.coerce.date({ error: "Enter a valid date and time." }).optional(),
});
export type RecordDeployInput = z.infer<typeof recordDeploySchema>;

export const deployGateQuerySchema = z.object({
  service: serviceNameSchema,
  environment: deployEnvironmentSchema.default("production"),
});
export type DeployGateQuery = z.infer<typeof deployGateQuerySchema>;

const incidentNumber = z.coerce.number({ error: "Choose an incident." }).int().positive();

export const freezeDeploysSchema = z.object({
  incidentNumber,
  environment: deployEnvironmentSchema,
  reason: singleLineText().max(500, "Keep the reason under 500 characters.").default(""),
});
export type FreezeDeploysInput = z.infer<typeof freezeDeploysSchema>;

export const liftDeployFreezeSchema = z.object({ incidentNumber, environment: deployEnvironmentSchema });
export type LiftDeployFreezeInput = z.infer<typeof liftDeployFreezeSchema>;

/** The admin's "deploys before the incident" window in hours (?window=…); anything invalid is the default 2. */
export const deployWindowHoursSchema = z.coerce.number().int().min(1).max(168).catch(2);

/** The write API's body for POST /api/admin/deploys (snake_case, strict: unknown fields are errors). */
export const apiRecordDeployBody = z.strictObject({
  service: serviceNameSchema,
  version: versionSchema,
  previous_version: versionSchema.optional(),
  environment: deployEnvironmentSchema.optional(),
  url: httpUrlSchema.optional(),
  deployed_by: recordDeploySchema.shape.deployedBy,
  force: z.boolean().optional(),
  deployed_at: z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time with a time zone, e.g. 2026-11-22T10:00:00Z." }).optional(),
});
export type ApiRecordDeployBody = z.infer<typeof apiRecordDeployBody>;

/** The same deploy in the shared schema's words. */
export function recordDeployInputOf(body: ApiRecordDeployBody): z.input<typeof recordDeploySchema> {
  return {
    service: body.service,
    version: body.version,
    previousVersion: body.previous_version,
    environment: body.environment,
    url: body.url,
    deployedBy: body.deployed_by,
    force: body.force,
    deployedAt: body.deployed_at,
  };
}

/** GET /api/admin/deploys/gate's query. */
export const apiDeployGateQuery = z.strictObject({ service: serviceNameSchema, environment: deployEnvironmentSchema.optional() });
