// The write API (`/api/admin/…`): each endpoint validates with the shared schemas and calls the same
// use-case as the admin forms (same transaction, audit event, cache refresh and webhooks).
import type * as z from "zod";
import type { TokenActor } from "@/lib/auth/api-tokens";
import type { Db } from "@/lib/db/client";
import { openIncident, publishPost, type PublishOutcome } from "@/lib/incidents/publish";
import { deletePost, editPost } from "@/lib/incidents/revise";
import { cancelMaintenance, endMaintenanceEarly, extendMaintenance, scheduleMaintenance } from "@/lib/incidents/maintenance";
import {
  apiCloseMaintenanceBody,
  apiCreateRuleBody,
  apiDeletePostBody,
  apiEmptyBody,
  apiEditPostBody,
  apiExtendMaintenanceBody,
  apiOpenIncidentBody,
  apiPostBody,
  apiScheduleMaintenanceBody,
  apiUpdateRuleBody,
  incidentPath,
  postPath,
  type ApiRuleBody,
  ruleInputOf,
  rulePath,
} from "@/lib/validation/api";
import { createRuleSchema, updateRuleSchema } from "@/lib/validation/integrations";
import { createRule, deleteRule, type IntegrationSummary, listIntegrations, listRules, ruleOf, type RuleSummary, updateRule } from "@/lib/alerts/integrations";
import { openIncidentSchema, postUpdateSchema } from "@/lib/validation/incidents";
import { closeMaintenanceSchema, extendMaintenanceSchema, scheduleMaintenanceSchema } from "@/lib/validation/maintenance";
import { recordDeploy } from "@/lib/deploys/record";
import { deployGate } from "@/lib/deploys/queries";
import type { GateDecision } from "@/lib/deploys/gate";
import { apiDeployGateQuery, apiRecordDeployBody, recordDeployInputOf, recordDeploySchema } from "@/lib/validation/deploys";
import { resolveComponents, withComponentIds } from "./components";
import { writeEndpoint, type ApiDeps, type WriteResult } from "./endpoint";
import { inboundEndpoints } from "./inbound";
import { InputError } from "@/lib/errors/input-error";
import { ApiFailure, invalidInput } from "./http";

/** The shared (form) schema has the last word on every input. */
function shared<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

const incidentRef = (baseUrl: string, number: number) => ({ number, url: `${baseUrl}/incidents/${number}`, admin_url: `${baseUrl}/admin/incidents/${number}` });

/** A publish's answer, with what customers now see (posts and maintenance alike). `status` for a first landing. */
function published(baseUrl: string, outcome: PublishOutcome, status = 201): WriteResult {
  if (outcome.status !== "published") throw new Error("a publish without a confirmation step needs no confirmation");
  const impact = outcome.impact && {
    incident: outcome.impact.incident,
    changes: outcome.impact.changes
      .filter((change) => change.before !== change.after)
      .map(({ name, before, after, window }) => ({
        component: name,
        before,
        after,
        ...(window ? { from: window.start.toISOString(), until: window.end.toISOString() } : {}),
      })),
    warnings: outcome.impact.warnings,
  };
  return {
    status: outcome.replayed ? 200 : status,
    body: { incident: incidentRef(baseUrl, outcome.incidentNumber), post: { id: outcome.postId }, replayed: outcome.replayed, ...(impact ? { impact } : {}) },
  };
}

/** The deploy gate's answer as JSON (lib/api/openapi.ts: DeployGate). */
function gateBody(baseUrl: string, gate: GateDecision) {
  const base = { gate: gate.status, service: gate.service, environment: gate.environment };
  if (gate.status === "clear") return base;
  return {
    ...base,
    reason: gate.reason,
    incidents: gate.incidents.map(({ number, title, currentState, worstState, commander }) => ({
      ...incidentRef(baseUrl, number),
      title,
      current_state: currentState,
      worst_state: worstState,
      commander,
    })),
    freezes: gate.freezes.map((freeze) => ({
      frozen_at: freeze.frozenAt.toISOString(),
      frozen_by: freeze.frozenBy,
      incident_number: freeze.incidentNumber,
      reason: freeze.reason,
    })),
  };
}

async function requireIncident(db: Db, number: number, kind: "incident" | "maintenance"): Promise<void> {
  const incident = await db.incident.findFirst({ where: { number, kind, deletedAt: null }, select: { id: true } });
  if (!incident) throw new ApiFailure(404, "not_found", `There is no ${kind} #${number}.`);
}

async function requirePost(db: Db, number: number, postId: number): Promise<void> {
  const post = await db.post.findFirst({ where: { id: postId, deletedAt: null, incident: { number, deletedAt: null } }, select: { id: true } });
  if (!post) throw new ApiFailure(404, "not_found", `Incident #${number} has no post ${postId} (or it was deleted).`);
}

/** A rule as JSON (lib/api/openapi.ts: AlertRule), with the integration it belongs to (null: every integration). */
function ruleBody(rule: RuleSummary, integrations: ReadonlyMap<number, IntegrationSummary>) {
  const integration = rule.integrationId === null ? undefined : integrations.get(rule.integrationId);
  return {
    id: rule.id,
    name: rule.name,
    integration: integration ? { id: integration.id, name: integration.name, kind: integration.kind } : null,
    position: rule.position,
    matchers: rule.matchers,
    component_ids: rule.componentIds,
    severity_states: rule.severityStates,
    fixed_state: rule.fixedState,
    title_template: rule.titleTemplate,
    body_template: rule.bodyTemplate,
    mode: rule.mode,
    resolve_automatically: rule.resolveAutomatically,
    created_at: rule.createdAt.toISOString(),
    updated_at: rule.updatedAt.toISOString(),
  };
}

async function ruleAnswer(db: Db, rule: RuleSummary, status: number): Promise<WriteResult> {
  const integrations = new Map((await listIntegrations(db)).map((integration) => [integration.id, integration]));
  return { status, body: { rule: ruleBody(rule, integrations) } };
}

/** The body's fields as the shared rule schema takes them; components named by slug or id become ids (422 when unknown). */
async function ruleFields(db: Db, body: ApiRuleBody) {
  const refs = body.component_ids?.map((ref, index) => ({ path: `component_ids.${index}`, ref }));
  return ruleInputOf(body, refs && (await resolveComponents(db, refs)));
}

/** The rule use-cases name fields as the admin form does; an API client sent them in snake_case. */
async function inApiWords<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const field = error.field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    throw new ApiFailure(422, "invalid_input", error.message, { [field]: error.message });
  }
}

async function requireRule(db: Db, id: number): Promise<RuleSummary> {
  const row = await db.alertRule.findUnique({ where: { id } });
  if (!row) throw new ApiFailure(404, "not_found", `There is no alert rule ${id}.`);
  return ruleOf(row);
}

export function createWriteApi(deps: ApiDeps) {
  const commander = "commander" as const;
  /** A change to a scheduled maintenance: the body with the path's number, through the use-case's own schema. */
  const maintenanceChange = <Body extends object, Input>(
    apiBody: z.ZodType<Body>,
    schema: z.ZodType<Input>,
    change: (db: Db, actor: TokenActor, input: Input, options: { now: Date }) => Promise<PublishOutcome>,
  ) =>
    writeEndpoint(deps, { role: commander, params: incidentPath, body: apiBody }, async ({ db, actor, body, params, now, baseUrl }) => {
      await requireIncident(db, params.number, "maintenance");
      return published(baseUrl, await change(db, actor, shared(schema, { ...body, incidentNumber: params.number }), { now }), 200);
    });
  return {
    ...inboundEndpoints(deps),

    /** POST /api/admin/incidents */
    openIncident: writeEndpoint(deps, { role: commander, body: apiOpenIncidentBody }, async ({ db, actor, body, now, baseUrl, idempotencyKey }) => {
      const input = shared(openIncidentSchema, { ...(await withComponentIds(db, body)), idempotencyKey });
      return published(baseUrl, await openIncident(db, actor, input, { now }));
    }),

    /** POST /api/admin/incidents/:number/posts */
    postUpdate: writeEndpoint(
      deps,
      { role: commander, params: incidentPath, body: apiPostBody },
      async ({ db, actor, body, params, now, baseUrl, idempotencyKey }) => {
        await requireIncident(db, params.number, "incident");
        const input = shared(postUpdateSchema, { ...(await withComponentIds(db, body)), incidentNumber: params.number, idempotencyKey });
        return published(baseUrl, await publishPost(db, actor, input, { now }));
      },
    ),

    /** PATCH /api/admin/incidents/:number/posts/:id */
    editPost: writeEndpoint(deps, { role: commander, params: postPath, body: apiEditPostBody }, async ({ db, actor, body, params, now, baseUrl }) => {
      await requirePost(db, params.number, params.id);
      await editPost(db, actor, { postId: params.id, body: body.body }, { now });
      return { status: 200, body: { incident: incidentRef(baseUrl, params.number), post: { id: params.id, edited: true } } };
    }),

    /** DELETE /api/admin/incidents/:number/posts/:id (soft: the post leaves the public timeline, the row and the audit stay) */
    deletePost: writeEndpoint(deps, { role: commander, params: postPath, body: apiDeletePostBody }, async ({ db, actor, body, params, now, baseUrl }) => {
      await requirePost(db, params.number, params.id);
      await deletePost(db, actor, { postId: params.id, reason: body.reason }, { now });
      return { status: 200, body: { incident: incidentRef(baseUrl, params.number), post: { id: params.id, deleted: true } } };
    }),

    /** POST /api/admin/maintenance */
    scheduleMaintenance: writeEndpoint(
      deps,
      { role: commander, body: apiScheduleMaintenanceBody },
      async ({ db, actor, body, now, baseUrl, idempotencyKey }) => {
        const input = shared(scheduleMaintenanceSchema, { ...(await withComponentIds(db, body)), idempotencyKey });
        return published(baseUrl, await scheduleMaintenance(db, actor, input, { now }));
      },
    ),

    /** POST /api/admin/maintenance/:number/extend */
    extendMaintenance: maintenanceChange(apiExtendMaintenanceBody, extendMaintenanceSchema, extendMaintenance),

    /** POST /api/admin/maintenance/:number/end — a running maintenance finishes now. */
    endMaintenance: maintenanceChange(apiCloseMaintenanceBody, closeMaintenanceSchema, endMaintenanceEarly),

    /** POST /api/admin/maintenance/:number/cancel — an upcoming maintenance will not happen. */
    cancelMaintenance: maintenanceChange(apiCloseMaintenanceBody, closeMaintenanceSchema, cancelMaintenance),

    /** POST /api/admin/deploys — recorded (201), or 423 while the gate is closed unless `force` (then recorded as forced). */
    recordDeploy: writeEndpoint(deps, { role: commander, body: apiRecordDeployBody }, async ({ db, actor, body, now, baseUrl }) => {
      const outcome = await recordDeploy(db, actor, shared(recordDeploySchema, recordDeployInputOf(body)), { now });
      if (outcome.status === "gate-closed") {
        const error = { code: "gate_closed", message: `${outcome.gate.reason} Send "force": true to deploy anyway (recorded with who forced it).` };
        return { status: 423, body: { error, ...gateBody(baseUrl, outcome.gate) } };
      }
      return { status: 201, body: { deploy: { id: outcome.deployId, forced_through_gate: outcome.forcedThroughGate }, ...gateBody(baseUrl, outcome.gate) } };
    }),

    /** GET /api/admin/deploys/gate?service=…&environment=production — 200 when clear, 423 while closed. */
    deployGate: writeEndpoint(deps, { role: commander, body: apiDeployGateQuery }, async ({ db, body, now, baseUrl }) => {
      const gate = await deployGate(db, { service: body.service, environment: body.environment ?? "production" }, now);
      return { status: gate.status === "clear" ? 200 : 423, body: gateBody(baseUrl, gate) };
    }),

    /** GET /api/admin/alert-rules — every rule in routing order: each integration's own rules, then the global ones. */
    listAlertRules: writeEndpoint(deps, { role: "admin", body: apiEmptyBody }, async ({ db }) => {
      const [rules, integrations] = await Promise.all([listRules(db), listIntegrations(db)]);
      const byId = new Map(integrations.map((integration) => [integration.id, integration]));
      const scope = (rule: RuleSummary) => rule.integrationId ?? Number.POSITIVE_INFINITY;
      const ordered = rules.toSorted((a, b) => scope(a) - scope(b) || a.position - b.position || a.id - b.id);
      return { status: 200, body: { rules: ordered.map((rule) => ruleBody(rule, byId)) } };
    }),

    /** POST /api/admin/alert-rules — the new rule goes last among its integration's rules. */
    createAlertRule: writeEndpoint(deps, { role: "admin", body: apiCreateRuleBody }, async ({ db, actor, body }) => {
      const input = shared(createRuleSchema, await ruleFields(db, body));
      const rule = await inApiWords(() => createRule(db, actor, input));
      return ruleAnswer(db, rule, 201);
    }),

    /** PATCH /api/admin/alert-rules/:id — the fields sent replace the rule's; the others stay. */
    updateAlertRule: writeEndpoint(deps, { role: "admin", params: rulePath, body: apiUpdateRuleBody }, async ({ db, actor, body, params }) => {
      const { id, position: _position, createdAt: _created, updatedAt: _updated, ...current } = await requireRule(db, params.id);
      const input = shared(updateRuleSchema, { ...current, ...(await ruleFields(db, body)), ruleId: id });
      const rule = await inApiWords(() => updateRule(db, actor, input));
      return ruleAnswer(db, rule, 200);
    }),

    /** DELETE /api/admin/alert-rules/:id (body {}) — new alerts go to the next matching rule, or stay unrouted. */
    deleteAlertRule: writeEndpoint(deps, { role: "admin", params: rulePath, body: apiEmptyBody }, async ({ db, actor, params }) => {
      await requireRule(db, params.id);
      await deleteRule(db, actor, params.id);
      return { status: 200, body: { rule: { id: params.id, deleted: true } } };
    }),
  };
}

export type WriteApi = ReturnType<typeof createWriteApi>;
