// Everything customers and machines can read about an incident, for tests that look for text
// that must never be public (internal notes, drafts): every address of the public endpoint table
// (for this incident and every component), the whole-site snapshot, and every webhook body.
import type { Db } from "@/lib/db/client";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { PUBLIC_ENDPOINTS } from "@/lib/public/endpoints";
import { collectSnapshot } from "@/lib/snapshot/collect";

export interface PublicOutput {
  where: string;
  text: string;
}

/** Fetched fresh from the public server at `base` (its cached answers are dropped first). */
export async function publicOutputs(db: Db, base: string, incidentNumber: number): Promise<PublicOutput[]> {
  invalidatePublicViews();
  const slugs = (await db.component.findMany({ select: { slug: true } })).map((component) => component.slug);
  const addresses = PUBLIC_ENDPOINTS.flatMap((endpoint) =>
    endpoint.path.includes(":slug")
      ? slugs.map((slug) => endpoint.path.replace(":slug", slug))
      : [endpoint.path.replace(":number", String(incidentNumber)).replace(":id", String(incidentNumber))],
  );
  const outputs: PublicOutput[] = [];
  for (const address of addresses) {
    // Redirects (e.g. /feed) are answers too; following them would leave the test server.
    const response = await fetch(`${base}${address}`, { redirect: "manual" });
    outputs.push({ where: `${address} (${response.status})`, text: await response.text() });
  }
  for (const entry of (await collectSnapshot("site")).entries) {
    outputs.push({ where: `snapshot ${entry.path}`, text: [entry.body.toString("utf8"), entry.lastKnown?.toString("utf8") ?? ""].join("\n") });
  }
  for (const delivery of await db.webhookDelivery.findMany()) outputs.push({ where: `webhook ${delivery.event}`, text: delivery.payload });
  return outputs;
}

/** "<secret> in <where>" for each secret found in an output. */
export function leaksIn(outputs: readonly PublicOutput[], secrets: readonly string[]): string[] {
  return outputs.flatMap((output) => secrets.filter((secret) => output.text.includes(secret)).map((secret) => `${secret} in ${output.where}`));
}
