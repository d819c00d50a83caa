import { EventEmitter } from 'node:events';
import { type Logger, noopLogger } from './core/logger';
import type { RequestOptions } from './core/request-options';
import type { OrderGroupRouting } from './resources/order-groups';

/** Anything that announces state changes the way {@link CircuitBreaker} does (`to: 'open'` trips). */
export interface BreakerLike {
  on(event: 'stateChange', listener: (change: { to: string }) => void): unknown;
  off(event: 'stateChange', listener: (change: { to: string }) => void): unknown;
}

/** What the kill switch needs of `client.orderGroups`. */
export interface OrderGroupTrigger {
  trigger(orderGroupId: string, routing?: OrderGroupRouting, options?: RequestOptions): Promise<void>;
}

/** Settings of an {@link OrderGroupKillSwitch}. */
export interface OrderGroupKillSwitchOptions {
  /** `client.orderGroups` (or anything with its `trigger`). */
  orderGroups: OrderGroupTrigger;
  /** The group holding every order the switch must cancel. */
  orderGroupId: string;
  /** Subaccount and shard of the group. Default: Kalshi's (0). */
  routing?: OrderGroupRouting;
  /**
   * Retries of the trigger call after a 5xx, timeout or dropped connection. Default 5 (more
   * than ordinary calls: when the switch is pulled, giving up early is the worst outcome).
   */
  maxRetries?: number;
  /** Where trips and failures are reported. Default: silent. */
  logger?: Logger;
}

/** Payload of the `tripped` and `tripFailed` events. */
export interface KillSwitchTrip {
  orderGroupId: string;
  /** Why the switch was pulled (`circuit breaker open`, or the caller's text). */
  reason: string;
  /** The failure, on `tripFailed` only. */
  error?: unknown;
}

/** Events of {@link OrderGroupKillSwitch}. */
export interface OrderGroupKillSwitchEvents {
  tripped: [KillSwitchTrip];
  tripFailed: [KillSwitchTrip];
}

/**
 * Cancels every order of one order group at once: `trip(reason)` triggers the group on the
 * exchange (resting orders canceled, new ones refused until `client.orderGroups.reset`), and
 * `armOn(breaker)` trips it when a circuit breaker opens. The trigger goes out even while the
 * client's own breaker is open, and is retried, since triggering twice is harmless.
 *
 * ```ts
 * const { order_group_id } = await kalshi.orderGroups.create({ contracts_limit: '50' });
 * const killSwitch = new OrderGroupKillSwitch({ orderGroups: kalshi.orderGroups, orderGroupId: order_group_id });
 * killSwitch.armOn(kalshi.circuitBreaker!);
 * await kalshi.orders.create({ ...order, order_group_id });
 * ```
 */
export class OrderGroupKillSwitch extends EventEmitter<OrderGroupKillSwitchEvents> {
  private inFlight: Promise<void> | undefined;
  private trips = 0;
  private readonly logger: Logger;

  constructor(private readonly options: OrderGroupKillSwitchOptions) {
    super();
    this.logger = options.logger ?? noopLogger;
  }

  /** Times the group was triggered successfully through this switch. */
  get tripCount(): number {
    return this.trips;
  }

  /**
   * Triggers the group. Calls made while a trigger is in flight share it. Rejects with the
   * client's error when every attempt failed (also emitted as `tripFailed`).
   */
  trip(reason: string): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const { orderGroups, orderGroupId, routing } = this.options;
    const maxRetries = this.options.maxRetries ?? 5;
    this.logger.warn({ orderGroupId, reason }, 'kalshi: kill switch pulled, triggering the order group');
    this.inFlight = orderGroups
      .trigger(orderGroupId, routing ?? {}, { maxRetries })
      .then(
        () => {
          this.trips += 1;
          this.logger.warn({ orderGroupId, reason }, 'kalshi: order group triggered');
          this.emit('tripped', { orderGroupId, reason });
        },
        (error: unknown) => {
          this.logger.error(
            { orderGroupId, reason, err: error },
            'kalshi: triggering the order group failed',
          );
          this.emit('tripFailed', { orderGroupId, reason, error });
          throw error;
        },
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  /**
   * Trips the switch each time `breaker` opens. Returns the function that disarms it. A failed
   * trip is reported through `tripFailed` and the logger (it cannot reject into the breaker).
   */
  armOn(breaker: BreakerLike): () => void {
    const listener = (change: { to: string }) => {
      if (change.to !== 'open') return;
      this.trip('circuit breaker open').catch(() => {
        // Already reported through `tripFailed` and the logger.
      });
    };
    breaker.on('stateChange', listener);
    return () => {
      breaker.off('stateChange', listener);
    };
  }
}
