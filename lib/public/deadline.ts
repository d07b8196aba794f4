// How long a public request waits for live data before it is answered from the snapshot. The
// database's own timeouts (lib/db/client.ts) end the attempt itself later; the crowd need not wait.
export const RENDER_DEADLINE_MS = 3_000;

export type Outcome<T> = { done: true; value: T } | { done: false };

export function withinDeadline<T>(work: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  return Promise.race([work.then((value): Outcome<T> => ({ done: true, value })), deadline]).finally(() => clearTimeout(timer));
}
