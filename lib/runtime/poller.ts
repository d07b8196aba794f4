// The loop that runs an outbox's rounds (webhook deliveries, mail): one round at a time; another at
// once when a wake arrived during a round or the round left work behind, otherwise after `pollMs`.
// A failed round is logged and retried at the next poll, so a database outage never stops the loop.

export interface PollerOptions {
  /** Prefixes the log lines ("webhooks", "mail"). */
  name: string;
  /** One round; resolves to true when work remains that is due now. */
  round: () => Promise<boolean>;
  /** Subscribes to the wake-ups (a publish); returns the unsubscribe. */
  onWake: (listener: () => void) => () => void;
  /** Default 5 s. */
  pollMs?: number;
  log?: (line: string) => void;
}

export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopWake: (() => void) | null = null;

  constructor(private readonly options: PollerOptions) {}

  /** Runs a round now, then polls and listens for wake-ups until stop(). */
  start(): void {
    this.stopWake ??= this.options.onWake(() => this.kick());
    this.kick();
  }

  /** Stops polling and waits for the round under way. */
  async stop(): Promise<void> {
    this.stopWake?.();
    this.stopWake = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = this.options
      .round()
      .catch((error: unknown) => {
        this.options.log?.(`${this.options.name}: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      })
      .then((more) => {
        this.running = null;
        if (!this.stopWake) return;
        if (this.again || more) {
          this.again = false;
          this.kick();
        } else {
          this.timer = setTimeout(() => this.kick(), this.options.pollMs ?? 5_000);
          this.timer.unref();
        }
      });
  }
}
