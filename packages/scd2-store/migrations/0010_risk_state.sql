-- 0010_risk_state: the circuit breakers' running state, so a restart keeps the day's P&L and the
-- losing streak (not only the unresolved trips in circuit_breaker_events).
--
-- One mutable row per breaker scope (an account, or a strategy run: `RiskRecorder.open`'s
-- `scope`, default 'default'). `state` is the whole breaker state as `riskStateToJson` writes it
-- (daily P&L as an exact decimal string, API error times, each breaker's status); the columns
-- beside it are its queryable projection. `daily_realized_pnl` is an unconstrained NUMERIC: a
-- running sum of exact fills can carry more places than one amount column keeps, and it must
-- never be rounded on the way in.

CREATE TABLE risk_state (
  scope text NOT NULL,
  trading_day date,
  daily_realized_pnl numeric NOT NULL DEFAULT 0,
  consecutive_losses integer NOT NULL DEFAULT 0,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT risk_state_pkey PRIMARY KEY (scope),
  CONSTRAINT risk_state_scope_check CHECK (scope <> ''),
  CONSTRAINT risk_state_consecutive_losses_check CHECK (consecutive_losses >= 0)
);
COMMENT ON TABLE risk_state IS 'Mutable entity: circuit-breaker state per scope (trading day, daily realized P&L, losing streak, breaker statuses); written by RiskRecorder.';
COMMENT ON COLUMN risk_state.trading_day IS 'Trading day the daily figures belong to (calendar day in the configured zone, default America/New_York).';
COMMENT ON COLUMN risk_state.daily_realized_pnl IS 'Net realized P&L (fees included) of positions closed or settled on trading_day, dollars, exact.';
