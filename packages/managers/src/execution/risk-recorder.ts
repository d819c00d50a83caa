import type { Store, StoreTransaction } from '@precog/scd2-store';
import { TradingConfigError } from '../errors';
import { riskStateFromJson, riskStateToJson } from '../persistence/risk-json';
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

/** The scope of a recorder opened without one (`risk_state.scope`). */
export const DEFAULT_RISK_SCOPE = 'default';

/** Options of {@link RiskRecorder.open}. */
export interface RiskRecorderOptions {
  /**
   * Whose breakers these are: one `risk_state` row and the trips recorded under it. Use one
   * scope per account (or per strategy run) and one recorder per scope. Default `'default'`.
   */
  scope?: string;
}

const BREAKERS = Object.keys(BREAKER_EVENT_TYPES) as BreakerName[];
const breakerOfType = (type: string): BreakerName | undefined =>
  BREAKERS.find((b) => BREAKER_EVENT_TYPES[b] === type);

/**
 * Circuit breakers on the store. Their whole state — the trading day, its net realized P&L, the
 * losing streak, API error times and each breaker's status — is one `risk_state` row per scope,
 * read back by {@link RiskRecorder.open} and rewritten by every event that changes it, so a
 * restart neither forgets the day's losses nor the streak. A breaker that opens inserts a
 * `circuit_breaker_events` row; one that closes again resolves it (`resolved_at`, the action —
 * `manual_reset` with the actor, or `auto_recovered` — and the reason). Half-open (probing)
 * changes nothing in that table: the trip is not over until the breaker closes. New entries are
 * blocked while any breaker is open.
 *
 * Each {@link apply} runs in one transaction that locks the scope's row and reduces the event
 * from the stored state, so two processes sharing a scope never lose each other's updates.
 */
export class RiskRecorder {
  private readonly store: Store;
  private readonly config: CircuitBreakerConfig;
  /** `risk_state.scope` of this recorder. */
  readonly scope: string;
  private current: RiskState;

  private constructor(store: Store, config: CircuitBreakerConfig, scope: string, state: RiskState) {
    this.store = store;
    this.config = config;
    this.scope = scope;
    this.current = state;
  }

  /**
   * A recorder whose breakers start from the store: the scope's stored state (daily P&L, streak,
   * statuses), and every unresolved trip of the scope re-opens its breaker (so a restart never
   * silently resumes trading after a loss limit; a trip resolved in the table by a person
   * closes it).
   */
  static async open(
    store: Store,
    config: CircuitBreakerConfig = DEFAULT_CIRCUIT_BREAKER_CONFIG,
    options: RiskRecorderOptions = {},
  ): Promise<RiskRecorder> {
    const scope = options.scope ?? DEFAULT_RISK_SCOPE;
    if (scope === '') throw new TradingConfigError('the risk scope must not be empty', 'scope');
    const state = await store.transaction((tx) => loadState(tx, scope, config, false));
    return new RiskRecorder(store, config, scope, state);
  }

  /** The breakers' state now. */
  get state(): RiskState {
    return this.current;
  }

  /** Whether a new entry may be placed, and which open breakers block it. */
  entryAllowed(): { allowed: boolean; blockedBy: BreakerName[] } {
    return entryAllowed(this.current);
  }

  /** Applies one event; persists the new state; records every trip and every clearing; returns the transitions. */
  async apply(event: RiskEvent): Promise<BreakerTransition[]> {
    const { state, transitions } = await this.store.transaction(async (tx) => {
      const before = await loadState(tx, this.scope, this.config, true);
      const update = reduceRisk(before, event, this.config);
      for (const t of update.transitions) await this.record(tx, t, event);
      const json = JSON.stringify(riskStateToJson(update.state));
      if (json !== JSON.stringify(riskStateToJson(before))) await this.save(tx, update.state, event.at);
      return update;
    });
    this.current = state;
    return transitions;
  }

  private async save(tx: StoreTransaction, state: RiskState, at: number): Promise<void> {
    await tx.query(
      `INSERT INTO risk_state (scope, trading_day, daily_realized_pnl, consecutive_losses, state, updated_at)
VALUES ($1, $2::date, $3::numeric, $4, $5::jsonb, $6)
ON CONFLICT (scope) DO UPDATE SET trading_day = EXCLUDED.trading_day,
  daily_realized_pnl = EXCLUDED.daily_realized_pnl, consecutive_losses = EXCLUDED.consecutive_losses,
  state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [
        this.scope,
        state.day,
        state.dailyRealizedPnl.toString(),
        state.consecutiveLosses,
        JSON.stringify(riskStateToJson(state)),
        new Date(at),
      ],
    );
  }

  private async record(tx: StoreTransaction, t: BreakerTransition, event: RiskEvent): Promise<void> {
    const open = await unresolvedTrip(tx, this.scope, t.breaker);
    if (t.to === 'open') {
      if (open !== undefined) return; // re-opened while probing: the same trip goes on
      await tx.query(
        `INSERT INTO circuit_breaker_events (breaker_type, triggered_at, trigger_value, notes)
VALUES ($1, $2, $3::jsonb, $4)`,
        [
          BREAKER_EVENT_TYPES[t.breaker],
          new Date(t.at),
          JSON.stringify({ from: t.from, to: t.to, event: event.type, scope: this.scope }),
          t.reason,
        ],
      );
    } else if (t.to === 'closed' && open !== undefined) {
      await tx.query(
        `UPDATE circuit_breaker_events SET resolved_at = $2, resolution_action = $3, resolved_by = $4, resolution_notes = $5
WHERE event_id = $1`,
        [
          open,
          new Date(t.at),
          t.actor === undefined ? 'auto_recovered' : 'manual_reset',
          t.actor ?? 'system',
          t.reason,
        ],
      );
    }
  }
}

/** Trips recorded without a scope (before `risk_state` existed) belong to the default scope. */
const SCOPE_OF_EVENT = `COALESCE(trigger_value->>'scope', '${DEFAULT_RISK_SCOPE}')`;

async function unresolvedTrip(
  tx: StoreTransaction,
  scope: string,
  breaker: BreakerName,
): Promise<number | undefined> {
  const rows = await tx.query<{ event_id: number }>(
    `SELECT event_id FROM circuit_breaker_events
WHERE resolved_at IS NULL AND breaker_type = $1 AND ${SCOPE_OF_EVENT} = $2 ORDER BY event_id LIMIT 1`,
    [BREAKER_EVENT_TYPES[breaker], scope],
  );
  return rows.rows[0]?.event_id;
}

/**
 * The scope's state: the stored row (or a fresh state), with each breaker's open/not-open taken
 * from the trips table — an unresolved trip is an open breaker (half-open stays half-open), a
 * stored open breaker without one was resolved by a person and is closed.
 */
async function loadState(
  tx: StoreTransaction,
  scope: string,
  config: CircuitBreakerConfig,
  forUpdate: boolean,
): Promise<RiskState> {
  if (forUpdate) {
    // Lock the row even on the scope's first event: create it first, so a concurrent first
    // event of another process waits here instead of racing the insert.
    const fresh = initialRiskState();
    await tx.query(
      `INSERT INTO risk_state (scope, state, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (scope) DO NOTHING`,
      [scope, JSON.stringify(riskStateToJson(fresh))],
    );
  }
  const stored = await tx.query<{ state: unknown }>(
    `SELECT state FROM risk_state WHERE scope = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [scope],
  );
  const base = stored.rows[0] === undefined ? initialRiskState() : riskStateFromJson(stored.rows[0].state);
  const trips = await tx.query<{ breaker_type: string; triggered_at: Date; notes: string | null }>(
    `SELECT DISTINCT ON (breaker_type) breaker_type, triggered_at, notes FROM circuit_breaker_events
WHERE resolved_at IS NULL AND breaker_type = ANY($1::text[]) AND ${SCOPE_OF_EVENT} = $2
ORDER BY breaker_type, event_id`,
    [Object.values(BREAKER_EVENT_TYPES), scope],
  );
  const breakers = { ...base.breakers };
  const tripped = new Set<BreakerName>();
  for (const row of trips.rows) {
    const name = breakerOfType(row.breaker_type);
    if (name === undefined) continue;
    tripped.add(name);
    if (breakers[name].status !== 'closed') continue;
    const at = row.triggered_at.getTime();
    breakers[name] = {
      status: 'open',
      trippedAt: at,
      reason: row.notes,
      resumeAt: name === 'api_errors' ? at + config.apiCooldownMs : null,
    };
  }
  for (const name of BREAKERS) {
    if (breakers[name].status !== 'closed' && !tripped.has(name)) {
      breakers[name] = { ...breakers[name], status: 'closed', resumeAt: null };
    }
  }
  return { ...base, breakers };
}
