import type { Clock, TimerHandle } from '../core/clock';

/**
 * Closes a socket that went silent: checks every `limitMs / 2` whether anything (data, ping,
 * pong) arrived within `limitMs`. Internal to {@link KalshiStream}; not exported from the package.
 */
export class Watchdog {
  private lastActivity = 0;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly limitMs: number,
    /** False when there is nothing to watch (no socket, or the stream is closed). */
    private readonly isLive: () => boolean,
    /** Called once when the socket was silent for longer than `limitMs`. */
    private readonly onSilent: (silentMs: number) => void,
  ) {}

  /** Something arrived on the socket. */
  touch(): void {
    this.lastActivity = this.clock.now();
  }

  /** Starts (or restarts) the periodic check. */
  start(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        if (!this.isLive()) return;
        const silent = this.clock.now() - this.lastActivity;
        if (silent > this.limitMs) {
          this.onSilent(silent);
          return;
        }
        this.start();
      },
      Math.max(1, Math.floor(this.limitMs / 2)),
    );
  }

  /** Stops the check. */
  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
