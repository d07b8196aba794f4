// Several instances on one PostgreSQL: a publish on one refreshes the public views of the others.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { invalidatePublicViews, onPublicViewsInvalidated, type InvalidationOrigin } from "@/lib/events/public-views";
import { INVALIDATION_CHANNEL, startCrossInstanceInvalidation, type CrossInstanceInvalidation } from "@/lib/public/cross-instance";

const url = () => process.env.TEST_PG_URL ?? inject("TEST_PG_URL");

function nextInvalidation(): Promise<InvalidationOrigin> {
  return new Promise((resolve) => {
    const stop = onPublicViewsInvalidated((origin) => {
      stop();
      resolve(origin);
    });
  });
}

describe("cross-instance invalidation over PostgreSQL NOTIFY", () => {
  let instance: CrossInstanceInvalidation;
  let other: pg.Client;

  beforeAll(async () => {
    instance = startCrossInstanceInvalidation(url(), () => {});
    await instance.ready;
    other = new pg.Client({ connectionString: url() });
    await other.connect();
  });

  afterAll(async () => {
    await instance?.stop();
    await other?.end();
  });

  it("a publish on another instance refreshes this one's cached views within a second", async () => {
    const heard = nextInvalidation();
    const started = Date.now();
    await other.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, "another-instance"]);
    await expect(heard).resolves.toBe("remote");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a local publish is announced to the other instances, and not echoed back to itself", async () => {
    await other.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    const announced = new Promise<string | undefined>((resolve) => other.once("notification", (message) => resolve(message.payload)));
    let echoes = 0;
    const stop = onPublicViewsInvalidated((origin) => origin === "remote" && echoes++);
    invalidatePublicViews("local");
    await expect(announced).resolves.toBe(instance.instanceId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    expect(echoes).toBe(0);
  });
});
