-- 0003_scd2: the five SCD Type 2 (versioned) tables: markets, game_states, account_balance,
-- positions, edges.
--
-- Every versioned table has:
--   * id bigint identity primary key (one version row), a NOT NULL business key, tracked columns;
--   * row_current_ind / row_start_ts / row_end_ts: a version is valid on [row_start_ts, row_end_ts),
--     row_end_ts NULL exactly when the row is current, and the interval is never empty;
--   * a partial unique index "<table>_current_key" on the business key WHERE row_current_ind
--     (at most one current version per entity);
--   * a btree index "<table>_key_start_idx" on (business key..., row_start_ts) for as-of reads and
--     histories, and "<table>_row_start_ts_idx" for changes-between reads;
--   * the trigger "<table>_immutable_version": a version row may only be closed, once
--     (row_current_ind true -> false with row_end_ts set, every other column unchanged); any
--     other UPDATE raises PC004. The test sits in the trigger's WHEN clause, evaluated without
--     calling PL/pgSQL (it adds ~10 ms to closing 5,000 rows; a PL/pgSQL check costs ~65 ms).
--     It lists every column except row_current_ind / row_end_ts, so a migration that adds a
--     column to one of these tables must recreate that table's trigger with the column added.
-- Contiguity of the intervals (each new version starts where the previous one ends) is the
-- engine's job (one timestamp per batch under a writer lock); the checks and the partial unique
-- index below guarantee that no interval is empty and that at most one per key is open.

CREATE TABLE markets (
  id bigint GENERATED ALWAYS AS IDENTITY,
  platform_id text NOT NULL DEFAULT 'kalshi',
  ticker text NOT NULL,
  event_ticker text NOT NULL,
  title text,
  status text NOT NULL,
  yes_bid numeric(10, 4),
  yes_ask numeric(10, 4),
  no_bid numeric(10, 4),
  no_ask numeric(10, 4),
  last_price numeric(10, 4),
  volume numeric(16, 2),
  open_interest numeric(16, 2),
  metadata jsonb,
  row_current_ind boolean NOT NULL DEFAULT true,
  row_start_ts timestamptz NOT NULL,
  row_end_ts timestamptz,
  CONSTRAINT markets_pkey PRIMARY KEY (id),
  CONSTRAINT markets_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT markets_ticker_check CHECK (ticker <> ''),
  CONSTRAINT markets_status_check CHECK (status ~ '^[a-z][a-z_]*$'),
  CONSTRAINT markets_yes_bid_check CHECK (yes_bid >= 0 AND yes_bid <= 1),
  CONSTRAINT markets_yes_ask_check CHECK (yes_ask >= 0 AND yes_ask <= 1),
  CONSTRAINT markets_no_bid_check CHECK (no_bid >= 0 AND no_bid <= 1),
  CONSTRAINT markets_no_ask_check CHECK (no_ask >= 0 AND no_ask <= 1),
  CONSTRAINT markets_last_price_check CHECK (last_price >= 0 AND last_price <= 1),
  CONSTRAINT markets_volume_check CHECK (volume >= 0),
  CONSTRAINT markets_open_interest_check CHECK (open_interest >= 0),
  CONSTRAINT markets_row_interval_check CHECK (row_end_ts IS NULL OR row_end_ts > row_start_ts),
  CONSTRAINT markets_row_current_check CHECK (row_current_ind = (row_end_ts IS NULL))
);
COMMENT ON TABLE markets IS 'SCD2: binary markets, business key (platform_id, ticker). Prices in dollars per contract (0-1); volume and open_interest are contract counts NUMERIC(16,2).';
COMMENT ON COLUMN markets.status IS 'The exchange''s lifecycle status as sent (Kalshi: initialized, active, closed, determined, finalized, settled, ...), lowercase.';
COMMENT ON COLUMN markets.metadata IS 'Raw fields of the exchange''s market object that have no column.';
CREATE UNIQUE INDEX markets_current_key ON markets (platform_id, ticker) WHERE row_current_ind;
CREATE INDEX markets_key_start_idx ON markets (platform_id, ticker, row_start_ts);
CREATE INDEX markets_row_start_ts_idx ON markets (row_start_ts);
CREATE INDEX markets_event_ticker_idx ON markets (event_ticker) WHERE row_current_ind;
CREATE TRIGGER markets_immutable_version BEFORE UPDATE ON markets
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.platform_id, OLD.ticker, OLD.event_ticker, OLD.title, OLD.status, OLD.yes_bid, OLD.yes_ask, OLD.no_bid, OLD.no_ask, OLD.last_price, OLD.volume, OLD.open_interest, OLD.metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.platform_id, NEW.ticker, NEW.event_ticker, NEW.title, NEW.status, NEW.yes_bid, NEW.yes_ask, NEW.no_bid, NEW.no_ask, NEW.last_price, NEW.volume, NEW.open_interest, NEW.metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

CREATE TABLE game_states (
  id bigint GENERATED ALWAYS AS IDENTITY,
  external_game_id text NOT NULL,
  event_id text,
  sport text NOT NULL,
  home_team text,
  away_team text,
  home_score integer,
  away_score integer,
  period text,
  time_remaining text,
  possession text,
  status text NOT NULL,
  scheduled_start timestamptz,
  sport_metadata jsonb,
  row_current_ind boolean NOT NULL DEFAULT true,
  row_start_ts timestamptz NOT NULL,
  row_end_ts timestamptz,
  CONSTRAINT game_states_pkey PRIMARY KEY (id),
  CONSTRAINT game_states_event_id_fkey FOREIGN KEY (event_id) REFERENCES events (event_id) ON DELETE SET NULL,
  CONSTRAINT game_states_external_game_id_check CHECK (external_game_id <> ''),
  CONSTRAINT game_states_sport_check CHECK (sport IN ('nfl', 'ncaaf', 'nba', 'ncaab', 'mlb', 'nhl', 'tennis', 'ufc', 'soccer')),
  CONSTRAINT game_states_home_score_check CHECK (home_score >= 0),
  CONSTRAINT game_states_away_score_check CHECK (away_score >= 0),
  CONSTRAINT game_states_possession_check CHECK (possession IN ('home', 'away')),
  CONSTRAINT game_states_status_check CHECK (status IN ('scheduled', 'pregame', 'live', 'halftime', 'final', 'cancelled', 'postponed')),
  CONSTRAINT game_states_row_interval_check CHECK (row_end_ts IS NULL OR row_end_ts > row_start_ts),
  CONSTRAINT game_states_row_current_check CHECK (row_current_ind = (row_end_ts IS NULL))
);
COMMENT ON TABLE game_states IS 'SCD2: live game state, business key external_game_id (the data source''s game id, e.g. ESPN). home_team/away_team hold teams.team_code.';
CREATE UNIQUE INDEX game_states_current_key ON game_states (external_game_id) WHERE row_current_ind;
CREATE INDEX game_states_key_start_idx ON game_states (external_game_id, row_start_ts);
CREATE INDEX game_states_row_start_ts_idx ON game_states (row_start_ts);
CREATE INDEX game_states_final_idx ON game_states (sport, scheduled_start) WHERE row_current_ind AND status = 'final';
CREATE TRIGGER game_states_immutable_version BEFORE UPDATE ON game_states
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.external_game_id, OLD.event_id, OLD.sport, OLD.home_team, OLD.away_team, OLD.home_score, OLD.away_score, OLD.period, OLD.time_remaining, OLD.possession, OLD.status, OLD.scheduled_start, OLD.sport_metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.external_game_id, NEW.event_id, NEW.sport, NEW.home_team, NEW.away_team, NEW.home_score, NEW.away_score, NEW.period, NEW.time_remaining, NEW.possession, NEW.status, NEW.scheduled_start, NEW.sport_metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

CREATE TABLE account_balance (
  id bigint GENERATED ALWAYS AS IDENTITY,
  platform_id text NOT NULL DEFAULT 'kalshi',
  subaccount integer NOT NULL DEFAULT 0,
  balance numeric(16, 4) NOT NULL,
  portfolio_value numeric(16, 4),
  currency text NOT NULL DEFAULT 'USD',
  row_current_ind boolean NOT NULL DEFAULT true,
  row_start_ts timestamptz NOT NULL,
  row_end_ts timestamptz,
  CONSTRAINT account_balance_pkey PRIMARY KEY (id),
  CONSTRAINT account_balance_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT account_balance_subaccount_check CHECK (subaccount >= 0),
  CONSTRAINT account_balance_balance_check CHECK (balance >= 0),
  CONSTRAINT account_balance_portfolio_value_check CHECK (portfolio_value >= 0),
  CONSTRAINT account_balance_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT account_balance_row_interval_check CHECK (row_end_ts IS NULL OR row_end_ts > row_start_ts),
  CONSTRAINT account_balance_row_current_check CHECK (row_current_ind = (row_end_ts IS NULL))
);
COMMENT ON TABLE account_balance IS 'SCD2: cash balance in dollars, business key (platform_id, subaccount); subaccount 0 is the primary account.';
CREATE UNIQUE INDEX account_balance_current_key ON account_balance (platform_id, subaccount) WHERE row_current_ind;
CREATE INDEX account_balance_key_start_idx ON account_balance (platform_id, subaccount, row_start_ts);
CREATE INDEX account_balance_row_start_ts_idx ON account_balance (row_start_ts);
CREATE TRIGGER account_balance_immutable_version BEFORE UPDATE ON account_balance
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.platform_id, OLD.subaccount, OLD.balance, OLD.portfolio_value, OLD.currency, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.platform_id, NEW.subaccount, NEW.balance, NEW.portfolio_value, NEW.currency, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

CREATE TABLE positions (
  id bigint GENERATED ALWAYS AS IDENTITY,
  position_key text NOT NULL,
  platform_id text NOT NULL DEFAULT 'kalshi',
  subaccount integer NOT NULL DEFAULT 0,
  ticker text NOT NULL,
  side text NOT NULL,
  quantity numeric(12, 2) NOT NULL,
  status text NOT NULL DEFAULT 'open',
  entry_price numeric(10, 4),
  current_price numeric(10, 4),
  market_exposure numeric(16, 4),
  total_traded numeric(16, 4),
  fees_paid numeric(16, 4),
  realized_pnl numeric(16, 4),
  unrealized_pnl numeric(16, 4),
  unrealized_pnl_pct numeric(10, 4),
  strategy_id bigint,
  model_id bigint,
  method_id bigint,
  target_price numeric(10, 4),
  stop_loss_price numeric(10, 4),
  trailing_stop_state jsonb,
  entry_time timestamptz,
  exit_time timestamptz,
  last_check_time timestamptz,
  exit_price numeric(10, 4),
  exit_reason text,
  exit_priority text,
  initial_order_id text,
  metadata jsonb,
  row_current_ind boolean NOT NULL DEFAULT true,
  row_start_ts timestamptz NOT NULL,
  row_end_ts timestamptz,
  CONSTRAINT positions_pkey PRIMARY KEY (id),
  CONSTRAINT positions_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT positions_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES strategies (strategy_id),
  CONSTRAINT positions_model_id_fkey FOREIGN KEY (model_id) REFERENCES probability_models (model_id),
  CONSTRAINT positions_method_id_fkey FOREIGN KEY (method_id) REFERENCES methods (method_id),
  CONSTRAINT positions_position_key_check CHECK (position_key <> ''),
  CONSTRAINT positions_subaccount_check CHECK (subaccount >= 0),
  CONSTRAINT positions_side_check CHECK (side IN ('yes', 'no')),
  CONSTRAINT positions_quantity_check CHECK (quantity >= 0),
  CONSTRAINT positions_status_check CHECK (status IN ('open', 'closed', 'settled')),
  CONSTRAINT positions_entry_price_check CHECK (entry_price >= 0 AND entry_price <= 1),
  CONSTRAINT positions_current_price_check CHECK (current_price >= 0 AND current_price <= 1),
  CONSTRAINT positions_target_price_check CHECK (target_price >= 0 AND target_price <= 1),
  CONSTRAINT positions_stop_loss_price_check CHECK (stop_loss_price >= 0 AND stop_loss_price <= 1),
  CONSTRAINT positions_exit_price_check CHECK (exit_price >= 0 AND exit_price <= 1),
  CONSTRAINT positions_fees_paid_check CHECK (fees_paid >= 0),
  CONSTRAINT positions_exit_reason_check CHECK (exit_reason IN ('stop_loss', 'circuit_breaker', 'trailing_stop', 'time_based_urgent', 'liquidity_dried_up', 'profit_target', 'partial_exit_target', 'early_exit', 'edge_disappeared', 'rebalance', 'settlement', 'manual')),
  CONSTRAINT positions_exit_priority_check CHECK (exit_priority IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
  CONSTRAINT positions_exit_time_check CHECK (exit_time IS NULL OR entry_time IS NULL OR exit_time >= entry_time),
  CONSTRAINT positions_row_interval_check CHECK (row_end_ts IS NULL OR row_end_ts > row_start_ts),
  CONSTRAINT positions_row_current_check CHECK (row_current_ind = (row_end_ts IS NULL))
);
COMMENT ON TABLE positions IS 'SCD2: positions, business key position_key (stable from opening at zero until back at zero). At most one open current position per (platform_id, subaccount, ticker). Money in dollars: NUMERIC(16,4); prices NUMERIC(10,4); quantity in contracts NUMERIC(12,2).';
COMMENT ON COLUMN positions.unrealized_pnl_pct IS 'Fraction, not percent: 0.1234 = 12.34 %.';
CREATE UNIQUE INDEX positions_current_key ON positions (position_key) WHERE row_current_ind;
CREATE UNIQUE INDEX positions_one_open_per_market ON positions (platform_id, subaccount, ticker) WHERE row_current_ind AND status = 'open';
CREATE INDEX positions_key_start_idx ON positions (position_key, row_start_ts);
CREATE INDEX positions_row_start_ts_idx ON positions (row_start_ts);
CREATE INDEX positions_ticker_idx ON positions (platform_id, subaccount, ticker, row_start_ts);
CREATE TRIGGER positions_immutable_version BEFORE UPDATE ON positions
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.position_key, OLD.platform_id, OLD.subaccount, OLD.ticker, OLD.side, OLD.quantity, OLD.status, OLD.entry_price, OLD.current_price, OLD.market_exposure, OLD.total_traded, OLD.fees_paid, OLD.realized_pnl, OLD.unrealized_pnl, OLD.unrealized_pnl_pct, OLD.strategy_id, OLD.model_id, OLD.method_id, OLD.target_price, OLD.stop_loss_price, OLD.trailing_stop_state, OLD.entry_time, OLD.exit_time, OLD.last_check_time, OLD.exit_price, OLD.exit_reason, OLD.exit_priority, OLD.initial_order_id, OLD.metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.position_key, NEW.platform_id, NEW.subaccount, NEW.ticker, NEW.side, NEW.quantity, NEW.status, NEW.entry_price, NEW.current_price, NEW.market_exposure, NEW.total_traded, NEW.fees_paid, NEW.realized_pnl, NEW.unrealized_pnl, NEW.unrealized_pnl_pct, NEW.strategy_id, NEW.model_id, NEW.method_id, NEW.target_price, NEW.stop_loss_price, NEW.trailing_stop_state, NEW.entry_time, NEW.exit_time, NEW.last_check_time, NEW.exit_price, NEW.exit_reason, NEW.exit_priority, NEW.initial_order_id, NEW.metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

CREATE TABLE edges (
  id bigint GENERATED ALWAYS AS IDENTITY,
  platform_id text NOT NULL DEFAULT 'kalshi',
  ticker text NOT NULL,
  strategy_id bigint NOT NULL,
  model_id bigint NOT NULL,
  side text,
  expected_value numeric(10, 4) NOT NULL,
  true_win_probability numeric(10, 4) NOT NULL,
  market_implied_probability numeric(10, 4) NOT NULL,
  market_price numeric(10, 4) NOT NULL,
  confidence_level text,
  confidence_metrics jsonb,
  recommended_action text,
  probability_matrix_id bigint,
  calculation_run_id uuid,
  metadata jsonb,
  row_current_ind boolean NOT NULL DEFAULT true,
  row_start_ts timestamptz NOT NULL,
  row_end_ts timestamptz,
  CONSTRAINT edges_pkey PRIMARY KEY (id),
  CONSTRAINT edges_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT edges_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES strategies (strategy_id),
  CONSTRAINT edges_model_id_fkey FOREIGN KEY (model_id) REFERENCES probability_models (model_id),
  CONSTRAINT edges_probability_matrix_id_fkey FOREIGN KEY (probability_matrix_id) REFERENCES probability_matrices (probability_id) ON DELETE SET NULL,
  CONSTRAINT edges_side_check CHECK (side IN ('yes', 'no')),
  CONSTRAINT edges_true_win_probability_check CHECK (true_win_probability >= 0 AND true_win_probability <= 1),
  CONSTRAINT edges_market_implied_probability_check CHECK (market_implied_probability >= 0 AND market_implied_probability <= 1),
  CONSTRAINT edges_market_price_check CHECK (market_price >= 0 AND market_price <= 1),
  CONSTRAINT edges_confidence_level_check CHECK (confidence_level IN ('high', 'medium', 'low')),
  CONSTRAINT edges_recommended_action_check CHECK (recommended_action IN ('auto_execute', 'alert', 'ignore')),
  CONSTRAINT edges_row_interval_check CHECK (row_end_ts IS NULL OR row_end_ts > row_start_ts),
  CONSTRAINT edges_row_current_check CHECK (row_current_ind = (row_end_ts IS NULL))
);
COMMENT ON TABLE edges IS 'SCD2: detected edges, business key (platform_id, ticker, strategy_id, model_id): the market by ticker (stable), the immutable strategy and model versions.';
CREATE UNIQUE INDEX edges_current_key ON edges (platform_id, ticker, strategy_id, model_id) WHERE row_current_ind;
CREATE INDEX edges_key_start_idx ON edges (platform_id, ticker, strategy_id, model_id, row_start_ts);
CREATE INDEX edges_row_start_ts_idx ON edges (row_start_ts);
CREATE INDEX edges_calculation_run_id_idx ON edges (calculation_run_id) WHERE calculation_run_id IS NOT NULL;
CREATE TRIGGER edges_immutable_version BEFORE UPDATE ON edges
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.platform_id, OLD.ticker, OLD.strategy_id, OLD.model_id, OLD.side, OLD.expected_value, OLD.true_win_probability, OLD.market_implied_probability, OLD.market_price, OLD.confidence_level, OLD.confidence_metrics, OLD.recommended_action, OLD.probability_matrix_id, OLD.calculation_run_id, OLD.metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.platform_id, NEW.ticker, NEW.strategy_id, NEW.model_id, NEW.side, NEW.expected_value, NEW.true_win_probability, NEW.market_implied_probability, NEW.market_price, NEW.confidence_level, NEW.confidence_metrics, NEW.recommended_action, NEW.probability_matrix_id, NEW.calculation_run_id, NEW.metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();
