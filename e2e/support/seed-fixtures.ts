// Extra rows for the public e2e tests, added after the demo seed: a resolved 2019 incident whose
// posts carry XSS payloads (one of them edited), so it changes no current state.
import { createDb } from "@/lib/db/client";
import { loadEnv } from "@/lib/runtime/env";
import { XSS_PAYLOADS } from "../../tests/fixtures/xss-payloads";

export const XSS_INCIDENT_NUMBER = 9001;

const db = createDb(loadEnv().database);
const openedAt = new Date("2019-03-04T10:00:00Z");
const production = await db.component.findUniqueOrThrow({ where: { slug: "production" } });
const incident = await db.incident.create({
  data: {
    number: XSS_INCIDENT_NUMBER,
    title: "Hostile markup test <script>window.__xss=1</script>",
    kind: "incident",
    openedAt,
    resolvedAt: new Date("2019-03-04T12:00:00Z"),
    components: { create: [{ componentId: production.id }] },
  },
});
const minute = 60_000;
for (const [index, body] of XSS_PAYLOADS.entries()) {
  const at = new Date(openedAt.getTime() + index * minute);
  await db.post.create({
    data: {
      incidentId: incident.id,
      type: index === 0 ? "investigating" : "update",
      body: `Payload ${index}: ${body}`,
      postedAt: at,
      createdAt: at,
      stateChanges: index === 0 ? { create: [{ componentId: production.id, state: "yellow" }] } : undefined,
      revisions: index === 1 ? { create: [{ type: "update", body: "The first wording", postedAt: at, editedAt: at }] } : undefined,
    },
  });
}
await db.post.create({
  data: { incidentId: incident.id, type: "resolved", body: "Resolved.", postedAt: new Date("2019-03-04T12:00:00Z") },
});
await db.$disconnect();
console.log(`e2e fixtures: incident #${XSS_INCIDENT_NUMBER} with ${XSS_PAYLOADS.length} hostile posts`);
