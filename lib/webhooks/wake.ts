// A publish wakes the running dispatcher so new outbox rows go out at once, not at the next poll.
// On globalThis because the custom server (which runs the dispatcher) and Next's bundled route
// code are separate module instances in one process.
const globalForWake = globalThis as unknown as { beaconWebhookWake?: Set<() => void> };

function listeners(): Set<() => void> {
  globalForWake.beaconWebhookWake ??= new Set();
  return globalForWake.beaconWebhookWake;
}

export function onWebhookWake(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function wakeWebhookDispatcher(): void {
  for (const listener of listeners()) listener();
}
