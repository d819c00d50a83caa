import type { Store } from '@precog/scd2-store';
import {
  type BreakerName,
  type BreakerTransition,
  type CircuitBreakerConfig,
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  entryAllowed,
  initialRiskState,
  type RiskEvent,
  type RiskState,
  reduceRisk,
} from '../risk/circuit-breakers';

/** `circuit_breaker_events.breaker_type` of each breaker. */
export const BREAKER_EVENT_TYPES: Readonly<Record<BreakerName, string>> = Object.freeze({
  daily_loss: 'daily_loss_limit',
  consecutive_losses: 'consecutive_losses',
  api_errors: 'api_failures',
});

/**
 * Circuit breakers with their trips on the store: a breaker that opens inserts a
 * `circuit_breaker_events` row; one that closes again resolves it (`resolved_at`, the action —
 * `manual_reset` with the actor, or `auto_recovered` — and the reason). Half-open (probing)
 * changes nothing in the table: the trip is not over until the breaker closes. New entries are
 * blocked while any breaker is open.
 */
export class RiskRecorder {
  private readonly store: Store;
  private readonly config: CircuitBreakerConfig;
  private current: RiskState;
  /** Open event ids by breaker. */
  private readonly openEvents = new Map<BreakerName, number>();

  private constructor(store: Store, config: CircuitBreakerConfig, state: RiskState) {
    this.store = store;
    this.config = config;
    this.current = state;
  }

  /**
   * A recorder whose breakers start from the store: each unresolved trip of ours re-opens its
   * breaker (so a restart does not silently resume trading after a loss limit).
   */
  static async open(
    store: Store,
    config: CircuitBreakerConfig = DEFAULT_CIRCUIT_BREAKER_CONFIG,
  ): Promise<RiskRecorder> {
    const recorder = new RiskRecorder(store, config, initialRiskState());
    const rows = await store.query<{
      event_id: number;
      breaker_type: string;
      triggered_at: Date;
      notes: string | null;
    }>(
      `SELECT event_id, breaker_type, triggered_at, notes FROM circuit_breaker_events
WHERE resolved_at IS NULL AND breaker_type = ANY($1::text[]) ORDER BY event_id`,
      [Object.values(BREAKER_EVENT_TYPES)],
    );
    const breakers = { ...recorder.current.breakers };
    for (const row of rows.rows) {
      const name = (Object.keys(BREAKER_EVENT_TYPES) as BreakerName[]).find(
        (b) => BREAKER_EVENT_TYPES[b] === row.breaker_type,
      )!;
      const at = row.triggered_at.getTime();
      breakers[name] = {
        status: 'open',
        trippedAt: at,
        reason: row.notes,
        resumeAt: name === 'api_errors' ? at + config.apiCooldownMs : null,
      };
      recorder.openEvents.set(name, row.event_id);
    }
    recorder.current = { ...recorder.current, breakers };
    return recorder;
  }

  /** The breakers' state now. */
  get state(): RiskState {
    return this.current;
  }

  /** Whether a new entry may be placed, and which open breakers block it. */
  entryAllowed(): { allowed: boolean; blockedBy: BreakerName[] } {
    return entryAllowed(this.current);
  }

  /** Applies one event; records every trip and every clearing; returns the transitions. */
  async apply(event: RiskEvent): Promise<BreakerTransition[]> {
    const update = reduceRisk(this.current, event, this.config);
    for (const t of update.transitions) await this.record(t, event);
    this.current = update.state;
    return update.transitions;
  }

  private async record(t: BreakerTransition, event: RiskEvent): Promise<void> {
    if (t.to === 'open') {
      if (this.openEvents.has(t.breaker)) return; // re-opened while probing: the same trip goes on
      const row = await this.store.query<{ event_id: number }>(
        `INSERT INTO circuit_breaker_events (breaker_type, triggered_at, trigger_value, notes)
VALUES ($1, $2, $3::jsonb, $4) RETURNING event_id`,
        [
          BREAKER_EVENT_TYPES[t.breaker],
          new Date(t.at),
          JSON.stringify({ from: t.from, to: t.to, event: event.type }),
          t.reason,
        ],
      );
      this.openEvents.set(t.breaker, row.rows[0]!.event_id);
    } else if (t.to === 'closed') {
      const id = this.openEvents.get(t.breaker);
      if (id === undefined) return;
      await this.store.query(
        `UPDATE circuit_breaker_events SET resolved_at = $2, resolution_action = $3, resolved_by = $4, resolution_notes = $5
WHERE event_id = $1`,
        [
          id,
          new Date(t.at),
          t.actor === undefined ? 'auto_recovered' : 'manual_reset',
          t.actor ?? 'system',
          t.reason,
        ],
      );
      this.openEvents.delete(t.breaker);
    }
  }
}
