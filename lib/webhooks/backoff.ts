// When a failed delivery is tried again: 6 tries over about an hour (2, 4, 8, 16, 32 minutes
// between them, ±10% jitter so endpoints that failed together do not retry in lockstep).
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 2 * 60_000;
const JITTER = 0.1;

/** Delay before try `attempt + 1`, after `attempt` (1-based) failed; null when no try is left. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const base = FIRST_RETRY_MS * 2 ** (attempt - 1);
  return Math.round(base * (1 + JITTER * (2 * random() - 1)));
}

/** Deliveries in a row that failed after every try before an endpoint is disabled. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 3;
