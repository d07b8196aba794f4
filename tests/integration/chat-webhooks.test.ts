// Chat webhooks on SQLite and PostgreSQL: a publish queues one body per chat endpoint in the
// publish transaction, and the dispatcher POSTs it as JSON to a real local HTTP receiver standing
// in for each platform; every body parses with that platform's documented schema, and an
// endpoint's component filter (a system includes its sub-components) decides who hears of it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openIncident } from "@/lib/incidents/publish";
import type { WebhookFormat } from "@/lib/validation/webhooks";
import { WebhookDispatcher } from "@/lib/webhooks/dispatcher";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import type { ChatFormat } from "@/lib/webhooks/payload";
import { CHAT_SCHEMAS } from "../support/chat-schemas";
import { openProductionOutage, usePublishingSite } from "../support/publish-fixtures";
import { startReceiver, type Receiver } from "../support/receiver";
import { providers } from "../support/test-databases";

const NOW = new Date("2026-11-22T10:00:00Z");
const CHAT_FORMATS: ChatFormat[] = ["slack", "discord", "teams", "google_chat"];
const ALLOW = "BEACON_WEBHOOK_ALLOW";

describe.each(providers)("chat webhooks on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { ids, actors } = site;
  let receivers: Receiver[] = [];
  let savedAllow: string | undefined;

  const receiverFor = async (format: WebhookFormat, componentIds: number[] = []) => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    await createWebhookEndpoint(site.db, actors.admin, {
      name: `${format} ${receivers.length}`,
      url: receiver.url,
      secret: "",
      format,
      componentIds,
      events: [],
    });
    return receiver;
  };
  const deliverAll = () => new WebhookDispatcher(site.db, { now: () => NOW, random: () => 0.5, timeoutMs: 2000 }).runOnce();

  beforeAll(async () => {
    savedAllow = process.env[ALLOW];
    process.env[ALLOW] = "127.0.0.1";
  });
  afterAll(async () => {
    if (savedAllow === undefined) delete process.env[ALLOW];
    else process.env[ALLOW] = savedAllow;
  });
  beforeEach(() => site.db.webhookEndpoint.deleteMany());
  afterEach(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    receivers = [];
  });

  it("each platform receives its own documented body as application/json, hostile text neutralised", async () => {
    const byFormat = new Map<ChatFormat, Receiver>();
    for (const format of CHAT_FORMATS) byFormat.set(format, await receiverFor(format));
    const title = "Git push <!channel> @everyone <users/all> **down**";
    const outcome = await openIncident(site.db, actors.commander, openProductionOutage(ids.gitPush, { title, componentIds: [ids.gitPush] }), { now: NOW });
    if (outcome.status !== "published") throw new Error("not published");

    expect(await deliverAll()).toBe(CHAT_FORMATS.length);
    for (const [format, receiver] of byFormat) {
      expect(receiver.received, format).toHaveLength(1);
      const [request] = receiver.received;
      expect(request!.headers["content-type"]).toBe("application/json");
      const body = JSON.parse(request!.body);
      expect(CHAT_SCHEMAS[format].safeParse(body).error?.issues ?? [], format).toEqual([]);
      expect(request!.body, format).toContain(`/incidents/${outcome.incidentNumber}`);
      expect(request!.body, format).toContain("Git push");
      expect(request!.body, format).toContain("Outage (was Operational)");
      for (const live of ["<!channel>", "@everyone", "<users/all>"]) expect(request!.body, format).not.toContain(live);
    }
    expect(JSON.parse(byFormat.get("discord")!.received[0]!.body).allowed_mentions).toEqual({ parse: [] });
  });

  it("the component filter holds for chat endpoints: a system hears of its sub-components, others hear nothing", async () => {
    const production = await receiverFor("discord", [ids.production]);
    const development = await receiverFor("teams", [ids.development]);
    const subComponent = await receiverFor("google_chat", [ids.gitPush]);
    const outcome = await openIncident(site.db, actors.commander, openProductionOutage(ids.gitPush, { title: "Pushes slow", componentIds: [ids.gitPush] }), {
      now: NOW,
    });
    if (outcome.status !== "published") throw new Error("not published");

    expect(await deliverAll()).toBe(2);
    expect(production.received).toHaveLength(1);
    expect(subComponent.received).toHaveLength(1);
    expect(development.received).toHaveLength(0);
    expect(await site.db.webhookDelivery.count({ where: { endpoint: { format: "teams" } } })).toBe(0);
  });
});
