-- 0004_append_only: the append-only event tables: trades, settlements, position_exits,
-- exit_attempts, elo_rating_history, system_health.
--
-- Each has a row trigger "<table>_append_only" (BEFORE UPDATE OR DELETE) and a statement trigger
-- "<table>_no_truncate" (BEFORE TRUNCATE) that raise SQLSTATE PC001 with the message
-- "append-only table <table>: <UPDATE|DELETE|TRUNCATE> refused".
-- Fills and settlements are stored by ticker without a foreign key to markets: they may arrive
-- for markets the store does not hold yet. Idempotent ingest: trades are unique on the
-- exchange's fill id, settlements on (ticker, settled_at).

CREATE TABLE trades (
  trade_id bigint GENERATED ALWAYS AS IDENTITY,
  external_trade_id text NOT NULL,
  platform_id text NOT NULL DEFAULT 'kalshi',
  subaccount integer NOT NULL DEFAULT 0,
  order_id text,
  ticker text NOT NULL,
  side text NOT NULL,
  action text NOT NULL,
  price numeric(10, 4) NOT NULL,
  quantity numeric(12, 2) NOT NULL,
  fees numeric(16, 4) NOT NULL DEFAULT 0,
  is_taker boolean,
  order_type text,
  executed_at timestamptz NOT NULL,
  position_key text,
  strategy_id bigint,
  model_id bigint,
  method_id bigint,
  edge_at_execution numeric(10, 4),
  confidence_at_execution text,
  metadata jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT trades_pkey PRIMARY KEY (trade_id),
  CONSTRAINT trades_external_trade_id_key UNIQUE (external_trade_id),
  CONSTRAINT trades_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT trades_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES strategies (strategy_id),
  CONSTRAINT trades_model_id_fkey FOREIGN KEY (model_id) REFERENCES probability_models (model_id),
  CONSTRAINT trades_method_id_fkey FOREIGN KEY (method_id) REFERENCES methods (method_id),
  CONSTRAINT trades_external_trade_id_check CHECK (external_trade_id <> ''),
  CONSTRAINT trades_ticker_check CHECK (ticker <> ''),
  CONSTRAINT trades_subaccount_check CHECK (subaccount >= 0),
  CONSTRAINT trades_side_check CHECK (side IN ('yes', 'no')),
  CONSTRAINT trades_action_check CHECK (action IN ('buy', 'sell')),
  CONSTRAINT trades_price_check CHECK (price >= 0 AND price <= 1),
  CONSTRAINT trades_quantity_check CHECK (quantity > 0),
  CONSTRAINT trades_fees_check CHECK (fees >= 0),
  CONSTRAINT trades_order_type_check CHECK (order_type IN ('market', 'limit', 'stop', 'stop_limit')),
  CONSTRAINT trades_confidence_at_execution_check CHECK (confidence_at_execution IN ('high', 'medium', 'low'))
);
COMMENT ON TABLE trades IS 'Append-only: one row per exchange fill. external_trade_id = the exchange''s fill id. price = dollars per contract of the side traded; quantity in contracts; fees in dollars.';
COMMENT ON COLUMN trades.position_key IS 'Stable key of the position this fill belongs to (positions.position_key), when known at insert.';
COMMENT ON COLUMN trades.metadata IS 'Raw fill / order JSON from the exchange.';
CREATE INDEX trades_ticker_executed_at_idx ON trades (ticker, executed_at);
CREATE INDEX trades_executed_at_idx ON trades (executed_at);
CREATE INDEX trades_order_id_idx ON trades (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX trades_position_key_idx ON trades (position_key) WHERE position_key IS NOT NULL;
CREATE INDEX trades_strategy_id_idx ON trades (strategy_id) WHERE strategy_id IS NOT NULL;
CREATE INDEX trades_model_id_idx ON trades (model_id) WHERE model_id IS NOT NULL;
CREATE TRIGGER trades_append_only BEFORE UPDATE OR DELETE ON trades
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER trades_no_truncate BEFORE TRUNCATE ON trades
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE TABLE settlements (
  settlement_id bigint GENERATED ALWAYS AS IDENTITY,
  platform_id text NOT NULL DEFAULT 'kalshi',
  ticker text NOT NULL,
  event_ticker text,
  settled_at timestamptz NOT NULL,
  market_result text NOT NULL,
  yes_count numeric(12, 2),
  no_count numeric(12, 2),
  yes_total_cost numeric(16, 4),
  no_total_cost numeric(16, 4),
  settlement_value numeric(10, 4),
  revenue numeric(16, 4) NOT NULL,
  fees numeric(16, 4) NOT NULL DEFAULT 0,
  external_settlement_id text,
  metadata jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT settlements_pkey PRIMARY KEY (settlement_id),
  CONSTRAINT settlements_ticker_settled_at_key UNIQUE (ticker, settled_at),
  CONSTRAINT settlements_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT settlements_ticker_check CHECK (ticker <> ''),
  CONSTRAINT settlements_market_result_check CHECK (market_result IN ('yes', 'no', 'scalar', 'void')),
  CONSTRAINT settlements_yes_count_check CHECK (yes_count >= 0),
  CONSTRAINT settlements_no_count_check CHECK (no_count >= 0),
  CONSTRAINT settlements_yes_total_cost_check CHECK (yes_total_cost >= 0),
  CONSTRAINT settlements_no_total_cost_check CHECK (no_total_cost >= 0),
  CONSTRAINT settlements_settlement_value_check CHECK (settlement_value >= 0 AND settlement_value <= 1),
  CONSTRAINT settlements_revenue_check CHECK (revenue >= 0),
  CONSTRAINT settlements_fees_check CHECK (fees >= 0)
);
COMMENT ON TABLE settlements IS 'Append-only: the account''s market settlements. revenue and fees in dollars; settlement_value in dollars per YES contract; counts in contracts.';
COMMENT ON COLUMN settlements.metadata IS 'Raw settlement JSON from the exchange.';
CREATE INDEX settlements_settled_at_idx ON settlements (settled_at);
CREATE INDEX settlements_external_settlement_id_idx ON settlements (external_settlement_id) WHERE external_settlement_id IS NOT NULL;
CREATE TRIGGER settlements_append_only BEFORE UPDATE OR DELETE ON settlements
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER settlements_no_truncate BEFORE TRUNCATE ON settlements
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE TABLE position_exits (
  exit_id bigint GENERATED ALWAYS AS IDENTITY,
  position_key text NOT NULL,
  platform_id text NOT NULL DEFAULT 'kalshi',
  ticker text NOT NULL,
  exit_condition text NOT NULL,
  exit_priority text NOT NULL,
  quantity_exited numeric(12, 2) NOT NULL,
  exit_price numeric(10, 4) NOT NULL,
  realized_pnl numeric(16, 4),
  unrealized_pnl_at_exit numeric(16, 4),
  external_trade_id text,
  order_id text,
  exited_at timestamptz NOT NULL DEFAULT now(),
  metadata jsonb,
  CONSTRAINT position_exits_pkey PRIMARY KEY (exit_id),
  CONSTRAINT position_exits_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT position_exits_position_key_check CHECK (position_key <> ''),
  CONSTRAINT position_exits_exit_condition_check CHECK (exit_condition IN ('stop_loss', 'circuit_breaker', 'trailing_stop', 'time_based_urgent', 'liquidity_dried_up', 'profit_target', 'partial_exit_target', 'early_exit', 'edge_disappeared', 'rebalance', 'settlement', 'manual')),
  CONSTRAINT position_exits_exit_priority_check CHECK (exit_priority IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
  CONSTRAINT position_exits_quantity_exited_check CHECK (quantity_exited > 0),
  CONSTRAINT position_exits_exit_price_check CHECK (exit_price >= 0 AND exit_price <= 1),
  CONSTRAINT position_exits_position_key_exited_at_key UNIQUE (position_key, exited_at)
);
COMMENT ON TABLE position_exits IS 'Append-only: one row per (partial) exit of a position (positions.position_key); idempotency key (position_key, exited_at). external_trade_id links the exit fill in trades (soft link: the fill may be ingested later).';
CREATE INDEX position_exits_position_key_idx ON position_exits (position_key, exited_at);
CREATE INDEX position_exits_exit_condition_idx ON position_exits (exit_condition, exit_priority);
CREATE INDEX position_exits_external_trade_id_idx ON position_exits (external_trade_id) WHERE external_trade_id IS NOT NULL;
CREATE TRIGGER position_exits_append_only BEFORE UPDATE OR DELETE ON position_exits
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER position_exits_no_truncate BEFORE TRUNCATE ON position_exits
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE TABLE exit_attempts (
  attempt_id bigint GENERATED ALWAYS AS IDENTITY,
  position_key text NOT NULL,
  platform_id text NOT NULL DEFAULT 'kalshi',
  ticker text NOT NULL,
  exit_condition text NOT NULL,
  exit_priority text NOT NULL,
  order_type text NOT NULL,
  limit_price numeric(10, 4),
  fill_price numeric(10, 4),
  quantity numeric(12, 2) NOT NULL,
  attempt_number integer NOT NULL,
  timeout_seconds integer,
  success boolean,
  order_id text,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  metadata jsonb,
  CONSTRAINT exit_attempts_pkey PRIMARY KEY (attempt_id),
  CONSTRAINT exit_attempts_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT exit_attempts_position_key_check CHECK (position_key <> ''),
  CONSTRAINT exit_attempts_exit_condition_check CHECK (exit_condition IN ('stop_loss', 'circuit_breaker', 'trailing_stop', 'time_based_urgent', 'liquidity_dried_up', 'profit_target', 'partial_exit_target', 'early_exit', 'edge_disappeared', 'rebalance', 'settlement', 'manual')),
  CONSTRAINT exit_attempts_exit_priority_check CHECK (exit_priority IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
  CONSTRAINT exit_attempts_order_type_check CHECK (order_type IN ('market', 'limit')),
  CONSTRAINT exit_attempts_limit_price_check CHECK (limit_price >= 0 AND limit_price <= 1),
  CONSTRAINT exit_attempts_fill_price_check CHECK (fill_price >= 0 AND fill_price <= 1),
  CONSTRAINT exit_attempts_quantity_check CHECK (quantity > 0),
  CONSTRAINT exit_attempts_attempt_number_check CHECK (attempt_number > 0),
  CONSTRAINT exit_attempts_timeout_seconds_check CHECK (timeout_seconds > 0),
  CONSTRAINT exit_attempts_position_key_attempt_key UNIQUE (position_key, attempted_at, attempt_number)
);
COMMENT ON TABLE exit_attempts IS 'Append-only: one row per exit order attempt (1 = initial, 2+ = price walks) of a position (positions.position_key). Idempotency key (position_key, attempted_at, attempt_number).';
CREATE INDEX exit_attempts_position_key_idx ON exit_attempts (position_key, attempted_at);
CREATE INDEX exit_attempts_order_id_idx ON exit_attempts (order_id) WHERE order_id IS NOT NULL;
CREATE TRIGGER exit_attempts_append_only BEFORE UPDATE OR DELETE ON exit_attempts
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER exit_attempts_no_truncate BEFORE TRUNCATE ON exit_attempts
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE TABLE elo_rating_history (
  history_id bigint GENERATED ALWAYS AS IDENTITY,
  team_id bigint NOT NULL,
  opponent_team_id bigint,
  external_game_id text,
  event_id text,
  model_id bigint,
  game_result text NOT NULL,
  rating_before numeric(10, 2) NOT NULL,
  rating_after numeric(10, 2) NOT NULL,
  k_factor numeric(10, 2) NOT NULL,
  game_at timestamptz,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  metadata jsonb,
  CONSTRAINT elo_rating_history_pkey PRIMARY KEY (history_id),
  CONSTRAINT elo_rating_history_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams (team_id),
  CONSTRAINT elo_rating_history_opponent_team_id_fkey FOREIGN KEY (opponent_team_id) REFERENCES teams (team_id),
  CONSTRAINT elo_rating_history_event_id_fkey FOREIGN KEY (event_id) REFERENCES events (event_id),
  CONSTRAINT elo_rating_history_model_id_fkey FOREIGN KEY (model_id) REFERENCES probability_models (model_id),
  CONSTRAINT elo_rating_history_game_result_check CHECK (game_result IN ('win', 'loss', 'tie')),
  CONSTRAINT elo_rating_history_rating_before_check CHECK (rating_before >= 0 AND rating_before <= 3000),
  CONSTRAINT elo_rating_history_rating_after_check CHECK (rating_after >= 0 AND rating_after <= 3000),
  CONSTRAINT elo_rating_history_k_factor_check CHECK (k_factor > 0 AND k_factor <= 100),
  CONSTRAINT elo_rating_history_opponent_check CHECK (opponent_team_id IS DISTINCT FROM team_id),
  CONSTRAINT elo_rating_history_team_game_key UNIQUE (team_id, external_game_id)
);
COMMENT ON TABLE elo_rating_history IS 'Append-only: one row per team per rated game (two rows per game). Unique on (team_id, external_game_id) so replaying a game never double-counts (rows with a NULL game id are not deduplicated).';
CREATE INDEX elo_rating_history_team_idx ON elo_rating_history (team_id, recorded_at);
CREATE INDEX elo_rating_history_opponent_idx ON elo_rating_history (opponent_team_id);
CREATE INDEX elo_rating_history_game_at_idx ON elo_rating_history (game_at);
CREATE TRIGGER elo_rating_history_append_only BEFORE UPDATE OR DELETE ON elo_rating_history
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER elo_rating_history_no_truncate BEFORE TRUNCATE ON elo_rating_history
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE TABLE system_health (
  health_id bigint GENERATED ALWAYS AS IDENTITY,
  component text NOT NULL,
  status text NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT now(),
  details jsonb,
  alert_sent boolean NOT NULL DEFAULT false,
  CONSTRAINT system_health_pkey PRIMARY KEY (health_id),
  CONSTRAINT system_health_component_check CHECK (component ~ '^[a-z][a-z0-9_]*$'),
  CONSTRAINT system_health_status_check CHECK (status IN ('healthy', 'degraded', 'down'))
);
COMMENT ON TABLE system_health IS 'Append-only: component health checks (kalshi_api, espn_api, database, edge_detector, trading_engine, websocket, ...).';
CREATE INDEX system_health_component_idx ON system_health (component, checked_at);
CREATE INDEX system_health_status_idx ON system_health (status) WHERE status <> 'healthy';
CREATE TRIGGER system_health_append_only BEFORE UPDATE OR DELETE ON system_health
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER system_health_no_truncate BEFORE TRUNCATE ON system_health
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();
