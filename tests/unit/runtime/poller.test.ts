// The outbox loop: a round at start, another at once for a wake during a round or work left behind,
// a failed round logged and retried at the next poll, and stop() waiting for the round under way.
import { describe, expect, it } from "vitest";
import { Poller } from "@/lib/runtime/poller";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function wakeSource() {
  const listeners = new Set<() => void>();
  return {
    onWake: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wake: () => {
      for (const listener of listeners) listener();
    },
    listening: () => listeners.size,
  };
}

describe("Poller", () => {
  it("runs again at once while a round leaves work behind, then waits for the poll", async () => {
    const answers = [true, true, false];
    let rounds = 0;
    const poller = new Poller({ name: "test", round: async () => answers[rounds++] ?? false, onWake: wakeSource().onWake, pollMs: 60_000 });
    poller.start();
    for (let i = 0; i < 10; i++) await tick();
    expect(rounds).toBe(3);
    await poller.stop();
  });

  it("runs one more round for a wake that arrives during a round, never two at once", async () => {
    const source = wakeSource();
    let rounds = 0;
    let concurrent = 0;
    let most = 0;
    const poller = new Poller({
      name: "test",
      round: async () => {
        rounds++;
        most = Math.max(most, ++concurrent);
        await tick();
        concurrent--;
        return false;
      },
      onWake: source.onWake,
      pollMs: 60_000,
    });
    poller.start();
    source.wake();
    source.wake();
    for (let i = 0; i < 10; i++) await tick();
    expect(rounds).toBe(2);
    expect(most).toBe(1);
    await poller.stop();
  });

  it("logs a failed round with its name and polls again", async () => {
    const lines: string[] = [];
    let rounds = 0;
    const poller = new Poller({
      name: "mail",
      round: async () => {
        rounds++;
        if (rounds === 1) throw new Error("database unreachable");
        return false;
      },
      onWake: wakeSource().onWake,
      pollMs: 10,
      log: (line) => lines.push(line),
    });
    poller.start();
    for (let i = 0; i < 10 && rounds < 2; i++) await tick();
    await poller.stop();
    expect(lines).toEqual(["mail: database unreachable"]);
    expect(rounds).toBeGreaterThanOrEqual(2);
  });

  it("stop() stops listening and waits for the round under way", async () => {
    const source = wakeSource();
    let finished = false;
    const poller = new Poller({
      name: "test",
      round: async () => {
        await tick();
        finished = true;
        return true;
      },
      onWake: source.onWake,
    });
    poller.start();
    expect(source.listening()).toBe(1);
    await poller.stop();
    expect(finished).toBe(true);
    expect(source.listening()).toBe(0);
  });
});
