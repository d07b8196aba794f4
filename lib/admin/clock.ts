// "Now" for admin views. End-to-end tests of time-dependent warnings (a stale incident) move the
// clock with an `x-beacon-test-now` request header, honoured only when the server was started with
// BEACON_TEST_CLOCK=1 — which only the e2e test server does.
import { headers } from "next/headers";

export const TEST_CLOCK_HEADER = "x-beacon-test-now";

export function testClockEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BEACON_TEST_CLOCK === "1";
}

export async function adminNow(): Promise<Date> {
  if (testClockEnabled()) {
    const value = (await headers()).get(TEST_CLOCK_HEADER);
    const injected = value ? new Date(value) : null;
    if (injected && !Number.isNaN(injected.getTime())) return injected;
  }
  return new Date();
}
