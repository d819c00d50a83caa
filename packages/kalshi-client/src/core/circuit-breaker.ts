import { EventEmitter } from 'node:events';
import type { Clock } from './clock';
import { KalshiCircuitOpenError } from './errors';

/** `closed`: calls flow. `open`: calls fail fast. `half-open`: one probe is let through. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Payload of the `stateChange` event. */
export interface CircuitStateChange {
  from: CircuitState;
  to: CircuitState;
  /** Consecutive failures counted when the change happened. */
  failures: number;
  /** Clock time of the change (ms since epoch). */
  at: number;
}

/** Settings of the {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failed attempts (connection errors, timeouts, 5xx) that open the breaker. Default 5. */
  failureThreshold?: number;
  /** How long the breaker stays open before letting one probe through, in ms. Default 30 000. */
  cooldownMs?: number;
}

/** Events emitted by {@link CircuitBreaker}. */
export interface CircuitBreakerEvents {
  stateChange: [CircuitStateChange];
}

/**
 * Stops hammering an exchange that is down: after `failureThreshold` consecutive failures it
 * opens for `cooldownMs`, then lets exactly one probe through; the probe's outcome closes or
 * re-opens it. Emits `stateChange` on every transition.
 */
export class CircuitBreaker extends EventEmitter<CircuitBreakerEvents> {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  readonly failureThreshold: number;
  readonly cooldownMs: number;

  constructor(
    options: CircuitBreakerOptions,
    private readonly clock: Clock,
  ) {
    super();
    this.failureThreshold = options.failureThreshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
  }

  /** Current state; an open breaker whose cool-down has passed reports `half-open`. */
  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now() - this.openedAt >= this.cooldownMs) {
      this.transition('half-open');
    }
    return this.current;
  }

  /** Consecutive failures counted so far. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /**
   * Asks to send one attempt. Throws {@link KalshiCircuitOpenError} while open, or while the
   * half-open probe is still out. Returns true when this attempt is the probe.
   */
  admit(context: { method: string; path: string }): boolean {
    const state = this.state;
    if (state === 'closed') return false;
    if (state === 'half-open' && !this.probeInFlight) {
      this.probeInFlight = true;
      return true;
    }
    const retryAt = this.openedAt + this.cooldownMs;
    throw new KalshiCircuitOpenError(
      `${context.method} ${context.path} not sent: circuit breaker is ${state} after ${this.failures} consecutive failures`,
      retryAt,
      { method: context.method, path: context.path },
    );
  }

  /** Records an attempt that got a clean answer (including 4xx: the exchange is up). */
  recordSuccess(): void {
    this.failures = 0;
    this.probeInFlight = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  /** Records an attempt that failed for a reason that says the exchange may be down. */
  recordFailure(): void {
    this.failures += 1;
    const wasProbe = this.probeInFlight;
    this.probeInFlight = false;
    if (
      wasProbe ||
      this.current === 'half-open' ||
      (this.current === 'closed' && this.failures >= this.failureThreshold)
    ) {
      this.openedAt = this.clock.now();
      this.transition('open');
    }
  }

  /** Releases a probe slot without a verdict (the caller aborted). */
  releaseProbe(): void {
    this.probeInFlight = false;
  }

  private transition(to: CircuitState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.emit('stateChange', { from, to, failures: this.failures, at: this.clock.now() });
  }
}
