// The OpenAPI 3.1 document served at /api/openapi.json, generated from zod schemas — not written by
// hand. The write API's request bodies, responses and errors come from the schemas it validates
// with (lib/validation/api.ts). The read APIs are listed from the public endpoint table; the JSON
// ones (Statuspage v2, Heroku v3/v4, JSON Feed) answer with the schemas in lib/formats/schemas.ts,
// the same ones that type their serializers and that the real-payload fixtures are tested against.
// Feeds in XML, badges and iCal are described by their content types.
import * as z from "zod";
import { READ_RESPONSE_SCHEMAS, readApiSchemas } from "@/lib/formats/schemas";
// The write API's bodies, as `writeBodies.apiPostBody` …: the same schemas lib/api/write-routes.ts validates with.
import * as writeBodies from "@/lib/validation/api";
import { createRuleSchema, INTEGRATION_KINDS } from "@/lib/validation/integrations";
import { apiDeployGateQuery, apiRecordDeployBody, DEPLOY_ENVIRONMENTS } from "@/lib/validation/deploys";
import { documentedAlertPayloads, inboundResultSchema } from "@/lib/validation/alert-payloads";
import { MAX_BODY_BYTES } from "./http";
import { MAX_INBOUND_BODY_BYTES } from "./inbound";

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});
const incidentRefSchema = z.object({ number: z.number().int(), url: z.url(), admin_url: z.url() });
const publishedSchema = z.object({
  incident: incidentRefSchema,
  post: z.object({ id: z.number().int() }),
  replayed: z.boolean(),
  impact: z
    .object({
      incident: z.enum(["opens", "updates", "resolves", "reopens", "schedules", "extends", "ends-early", "cancels"]),
      changes: z.array(
        z.object({ component: z.string(), before: z.string(), after: z.string(), from: z.iso.datetime().optional(), until: z.iso.datetime().optional() }),
      ),
      warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    })
    .optional(),
});
const revisedSchema = z.object({
  incident: incidentRefSchema,
  post: z.object({ id: z.number().int(), edited: z.boolean().optional(), deleted: z.boolean().optional() }),
});

const stateSchema = z.enum(["green", "blue", "yellow", "red"]);
const deployGateSchema = z.object({
  gate: z.enum(["clear", "closed"]),
  service: z.string(),
  environment: z.enum(DEPLOY_ENVIRONMENTS),
  reason: z.string().optional(),
  incidents: z
    .array(incidentRefSchema.extend({ title: z.string(), current_state: stateSchema, worst_state: stateSchema, commander: z.string().nullable() }))
    .optional(),
  freezes: z
    .array(z.object({ frozen_at: z.iso.datetime(), frozen_by: z.string(), incident_number: z.number().int().nullable(), reason: z.string() }))
    .optional(),
});
const deployRecordedSchema = deployGateSchema.extend({ deploy: z.object({ id: z.number().int(), forced_through_gate: z.boolean() }) });
const gateClosedSchema = deployGateSchema.extend(errorSchema.shape);

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output") {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" });
  return rest;
}

const json = (schema: z.ZodType) => ({ "application/json": { schema: jsonSchema(schema) } });

const ERROR_STATUSES: Record<string, string> = {
  "400": "The body is not JSON, or the Idempotency-Key header is malformed",
  "401": "No valid API token",
  "403": "The token's role does not allow this",
  "404": "No such incident, maintenance, post or alert rule",
  "409": "The Idempotency-Key was used with a different request, or that request is still running",
  "413": `The body is larger than ${MAX_BODY_BYTES / 1024} KiB`,
  "415": "The body is not sent as application/json",
  "422": "A field is invalid, unknown, or names an unknown component; `fields` says which",
  "503": "The database cannot be reached (code database_unavailable): nothing was published; retry after Retry-After seconds",
};

const pathParam = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string", pattern: "^[1-9][0-9]{0,8}$" },
});
const NUMBER = pathParam("number", "The incident's (or maintenance's) public number");
const POST_ID = pathParam("id", "The post's id");
const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a retry safe: the same key with the same body replays the first response (Idempotent-Replayed: true); with another body it is a 409. Kept for 24 hours per token.",
  schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,200}$" },
};

function operation(summary: string, body: z.ZodType, ok: { status: string; schema: z.ZodType; description: string }, parameters: object[] = []) {
  const errors = Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    summary,
    security: [{ bearerToken: [] }],
    parameters: [...parameters, IDEMPOTENCY_KEY],
    requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body, "input") } } },
    responses: { [ok.status]: { description: ok.description, content: { "application/json": { schema: jsonSchema(ok.schema) } } }, ...errors },
  };
}

/** An operation without a request body (a GET): its parameters are the path's or the query's, with no Idempotency-Key. */
function getOperation(summary: string, ok: { status: string; schema: z.ZodType; description: string }, parameters: object[] = []) {
  const { requestBody: _body, parameters: _parameters, ...rest } = operation(summary, writeBodies.apiEmptyBody, ok);
  return { ...rest, parameters };
}

const created = { status: "201", schema: publishedSchema, description: "Published (200 with replayed: true when the same publish had already landed)" };
const revised = { status: "200", schema: revisedSchema, description: "Done" };
const maintenanceChanged = { status: "200", schema: publishedSchema, description: "Published" };

const WRITE_PATHS = {
  "/api/admin/incidents": { post: operation("Open an incident with its first post", writeBodies.apiOpenIncidentBody, created) },
  "/api/admin/incidents/{number}/posts": {
    post: operation("Post an Investigating, Issue, Update or Resolved post to an incident", writeBodies.apiPostBody, created, [NUMBER]),
  },
  "/api/admin/incidents/{number}/posts/{id}": {
    patch: operation("Correct a post's text (the earlier text is kept as a revision)", writeBodies.apiEditPostBody, revised, [NUMBER, POST_ID]),
    delete: operation("Delete a post from the public timeline (soft, with a reason)", writeBodies.apiDeletePostBody, revised, [NUMBER, POST_ID]),
  },
  "/api/admin/maintenance": { post: operation("Schedule maintenance", writeBodies.apiScheduleMaintenanceBody, created) },
  "/api/admin/maintenance/{number}/extend": {
    post: operation("Extend an upcoming or running maintenance", writeBodies.apiExtendMaintenanceBody, maintenanceChanged, [NUMBER]),
  },
  "/api/admin/maintenance/{number}/end": {
    post: operation("End a running maintenance now", writeBodies.apiCloseMaintenanceBody, maintenanceChanged, [NUMBER]),
  },
  "/api/admin/maintenance/{number}/cancel": {
    post: operation("Cancel an upcoming maintenance", writeBodies.apiCloseMaintenanceBody, maintenanceChanged, [NUMBER]),
  },
};

const rule = createRuleSchema.shape;
const alertRuleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  integration: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(INTEGRATION_KINDS) }).nullable(),
  position: z.number().int(),
  matchers: rule.matchers.unwrap(),
  component_ids: z.array(z.number().int()),
  severity_states: rule.severityStates.unwrap(),
  fixed_state: rule.fixedState.unwrap(),
  title_template: z.string(),
  body_template: z.string(),
  mode: rule.mode.unwrap(),
  resolve_automatically: z.boolean(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
const RULE_ID = pathParam("id", "The alert rule's id");

function alertRulePaths() {
  const ruleAnswer = (status: string, description: string) => ({ status, schema: z.object({ rule: alertRuleSchema }), description });
  const list = getOperation("List alert rules in routing order (each integration's own rules, then the global ones); admin tokens", {
    status: "200",
    schema: z.object({ rules: z.array(alertRuleSchema) }),
    description: "Every rule",
  });
  return {
    "/api/admin/alert-rules": {
      get: list,
      post: operation(
        "Create an alert rule (never proposes green); admin tokens",
        writeBodies.apiCreateRuleBody,
        ruleAnswer("201", "Created, last in its scope"),
      ),
    },
    "/api/admin/alert-rules/{id}": {
      patch: operation("Change an alert rule: the fields sent replace the rule's; admin tokens", writeBodies.apiUpdateRuleBody, ruleAnswer("200", "Updated"), [
        RULE_ID,
      ]),
      delete: operation(
        "Delete an alert rule (body {}); admin tokens",
        writeBodies.apiEmptyBody,
        {
          status: "200",
          schema: z.object({ rule: z.object({ id: z.number().int(), deleted: z.boolean() }) }),
          description: "Deleted",
        },
        [RULE_ID],
      ),
    },
  };
}

const GATE_CLOSED = "The gate is closed: open incidents affect the environment (with their worst state and commander) or its deploys are frozen";

function deployPaths() {
  const record = operation("Record a deploy (CI); refused with 423 while the gate is closed unless force", apiRecordDeployBody, {
    status: "201",
    schema: deployRecordedSchema,
    description: "Recorded, with the gate's answer at that moment (forced_through_gate when it was closed)",
  });
  const query = Object.entries(z.toJSONSchema(apiDeployGateQuery).properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: name === "service",
    description: name === "environment" ? "production (default) or development" : "The service about to deploy",
    schema,
  }));
  const gate = getOperation("Ask the deploy gate before deploying", { status: "200", schema: deployGateSchema, description: "Clear: deploy" }, query);
  return {
    "/api/admin/deploys": { post: { ...record, responses: { ...record.responses, "423": { description: GATE_CLOSED, content: json(gateClosedSchema) } } } },
    "/api/admin/deploys/gate": {
      get: { ...gate, responses: { ...gate.responses, "423": { description: GATE_CLOSED, content: json(deployGateSchema) } } },
    },
  };
}

const READ_SCHEMAS: Record<string, z.ZodType> = READ_RESPONSE_SCHEMAS;

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;

/** The read APIs' named schemas, referring to each other by `$ref`. */
function readComponentSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(readApiSchemas, { target: "draft-2020-12", uri: SCHEMA_REF });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
}

/** Every endpoint that answers JSON must have a response schema (the unit test lists them all). */
function readResponseSchema(pattern: string): object {
  const schema = Object.hasOwn(READ_SCHEMAS, pattern) ? READ_SCHEMAS[pattern] : undefined;
  if (!schema) {
    if (readContentType(pattern) === "application/json") throw new Error(`${pattern} answers JSON but has no response schema in READ_RESPONSE_SCHEMAS`);
    return {};
  }
  const id = readApiSchemas.get(schema)?.id;
  if (!id) throw new Error(`the response schema of ${pattern} is not registered in readApiSchemas`);
  return { schema: { $ref: SCHEMA_REF(id) } };
}

function readContentType(path: string): string {
  if (path.endsWith(".rss")) return "application/rss+xml";
  if (path.endsWith(".atom")) return "application/atom+xml";
  if (path === "/history.json") return "application/feed+json";
  if (path.endsWith(".svg")) return "image/svg+xml";
  if (path.endsWith(".ics")) return "text/calendar";
  return "application/json";
}

function readPaths(patterns: readonly string[]): Record<string, object> {
  return Object.fromEntries(
    patterns.map((pattern) => {
      const params = [...pattern.matchAll(/:([a-z]+)/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
      const response = {
        description: "The current data (304 on a matching If-None-Match / If-Modified-Since)",
        content: { [readContentType(pattern)]: readResponseSchema(pattern) },
      };
      const get = {
        summary: `Read ${pattern}`,
        parameters: params,
        responses: { "200": response, "304": { description: "Not modified" }, "404": { description: "Unknown id or slug" } },
      };
      return [pattern.replace(/:([a-z]+)/g, "{$1}"), { get }];
    }),
  );
}

const INBOUND_ERRORS: Record<string, string> = {
  "401": "No valid token of an integration of this kind (revoked, unknown, or another kind's)",
  "413": `The body is larger than ${MAX_INBOUND_BODY_BYTES / 1024 / 1024} MiB`,
  "415": "The body is not sent as application/json",
  "422": "Not this kind's payload shape (code unknown_payload); `message` says what is wrong. Stored as rejected",
  "503": "The database cannot be reached; send again later",
};

function inbound(summary: string, body: z.ZodType) {
  const errors = Object.entries(INBOUND_ERRORS).map(([status, description]) => [status, { description, content: json(errorSchema) }]);
  return {
    post: {
      summary,
      security: [{ integrationToken: [] }, { integrationTokenQuery: [] }],
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body, "input") } } },
      responses: {
        "200": {
          description: "Received and stored with its outcome; alerts beyond 200 per payload are counted in `truncated`",
          content: json(inboundResultSchema),
        },
        ...Object.fromEntries(errors),
      },
    },
  };
}

const INBOUND_PATHS = {
  "/api/integrations/alertmanager": inbound("Prometheus Alertmanager webhook receiver (payload version 4)", documentedAlertPayloads.alertmanager),
  "/api/integrations/grafana": inbound("Grafana alerting webhook contact point", documentedAlertPayloads.grafana),
  "/api/integrations/uptime-kuma": inbound("Uptime Kuma webhook notification (application/json)", documentedAlertPayloads.uptime_kuma),
  "/api/integrations/generic": inbound(
    "Alerts from anything else (a cron job, a CI check): the same id again updates the alert; status resolved ends it",
    documentedAlertPayloads.generic,
  ),
};

/** The OpenAPI document: the write API, and the read endpoints the public endpoint table lists. */
export function openApiDocument(baseUrl: string, readPatterns: readonly string[]) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Beacon API",
      version: "1.0.0",
      description:
        "Write API (Bearer API tokens created by admins at /admin/tokens) and the public read APIs: Statuspage v2-compatible, Heroku v3/v4-compatible, feeds, badges and iCal.",
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An API token: bcn_…" },
        integrationToken: { type: "http", scheme: "bearer", description: "An integration's token: bci_… (created at /admin/integrations)" },
        integrationTokenQuery: {
          type: "apiKey",
          in: "query",
          name: "token",
          description: "The integration's token in the URL, for tools that cannot set headers",
        },
      },
      schemas: { Error: jsonSchema(errorSchema), ...readComponentSchemas() },
    },
    paths: { ...WRITE_PATHS, ...deployPaths(), ...alertRulePaths(), ...INBOUND_PATHS, ...readPaths(readPatterns) },
  };
}
