-- 0009_exact_sync: every digit Kalshi sends, bad items kept aside, fill corrections, high-water marks.
--
-- 1. Six decimal places. Kalshi's `*_dollars` strings carry up to 6 decimals and real positions
--    need 5 (1.33 contracts x $0.051 = $0.06783 of exposure); with 4 places one such value stopped
--    every sync. Prices and probabilities become NUMERIC(10,6) (0-1 dollars per contract), amounts
--    of money NUMERIC(20,6). Widening keeps every stored value exactly (more scale, more integer
--    digits: nothing is rounded). ALTER COLUMN TYPE rewrites the table without firing row triggers,
--    so the append-only triggers stay silent; CHECK constraints and the SCD2 partial unique indexes
--    are rebuilt on the new types and still hold. The SCD2 "immutable version" triggers name the
--    columns in their WHEN clause, which PostgreSQL refuses to retype under them: each is dropped
--    and re-created unchanged (as in 0003) around its table's ALTER, inside this one transaction.
-- 2. ingest_errors (append-only): one row per item a sync could not parse or store (raw JSON, the
--    item's id, the path and the reason), so one bad item never stops everything after it.
-- 3. trade_corrections (append-only): a fill id that comes back with different figures is recorded
--    here, linked to the original trades row; trades stays untouched. trades_current shows each
--    fill with its latest figures.
-- 4. sync_high_water_marks: per stream of data, the newest exchange time stored, so incremental
--    syncs read from there (minus an overlap) instead of re-reading all history.

-- 1. Six decimal places --------------------------------------------------------------------------
DROP TRIGGER markets_immutable_version ON markets;
ALTER TABLE markets
  ALTER COLUMN yes_bid TYPE numeric(10, 6),
  ALTER COLUMN yes_ask TYPE numeric(10, 6),
  ALTER COLUMN no_bid TYPE numeric(10, 6),
  ALTER COLUMN no_ask TYPE numeric(10, 6),
  ALTER COLUMN last_price TYPE numeric(10, 6);
CREATE TRIGGER markets_immutable_version BEFORE UPDATE ON markets
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.platform_id, OLD.ticker, OLD.event_ticker, OLD.title, OLD.status, OLD.yes_bid, OLD.yes_ask, OLD.no_bid, OLD.no_ask, OLD.last_price, OLD.volume, OLD.open_interest, OLD.metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.platform_id, NEW.ticker, NEW.event_ticker, NEW.title, NEW.status, NEW.yes_bid, NEW.yes_ask, NEW.no_bid, NEW.no_ask, NEW.last_price, NEW.volume, NEW.open_interest, NEW.metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

DROP TRIGGER account_balance_immutable_version ON account_balance;
ALTER TABLE account_balance
  ALTER COLUMN balance TYPE numeric(20, 6),
  ALTER COLUMN portfolio_value TYPE numeric(20, 6);
CREATE TRIGGER account_balance_immutable_version BEFORE UPDATE ON account_balance
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.platform_id, OLD.subaccount, OLD.balance, OLD.portfolio_value, OLD.currency, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.platform_id, NEW.subaccount, NEW.balance, NEW.portfolio_value, NEW.currency, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

DROP TRIGGER positions_immutable_version ON positions;
ALTER TABLE positions
  ALTER COLUMN entry_price TYPE numeric(10, 6),
  ALTER COLUMN current_price TYPE numeric(10, 6),
  ALTER COLUMN market_exposure TYPE numeric(20, 6),
  ALTER COLUMN total_traded TYPE numeric(20, 6),
  ALTER COLUMN fees_paid TYPE numeric(20, 6),
  ALTER COLUMN realized_pnl TYPE numeric(20, 6),
  ALTER COLUMN unrealized_pnl TYPE numeric(20, 6),
  ALTER COLUMN unrealized_pnl_pct TYPE numeric(10, 6),
  ALTER COLUMN target_price TYPE numeric(10, 6),
  ALTER COLUMN stop_loss_price TYPE numeric(10, 6),
  ALTER COLUMN exit_price TYPE numeric(10, 6);
CREATE TRIGGER positions_immutable_version BEFORE UPDATE ON positions
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.position_key, OLD.platform_id, OLD.subaccount, OLD.ticker, OLD.side, OLD.quantity, OLD.status, OLD.entry_price, OLD.current_price, OLD.market_exposure, OLD.total_traded, OLD.fees_paid, OLD.realized_pnl, OLD.unrealized_pnl, OLD.unrealized_pnl_pct, OLD.strategy_id, OLD.model_id, OLD.method_id, OLD.target_price, OLD.stop_loss_price, OLD.trailing_stop_state, OLD.entry_time, OLD.exit_time, OLD.last_check_time, OLD.exit_price, OLD.exit_reason, OLD.exit_priority, OLD.initial_order_id, OLD.metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.position_key, NEW.platform_id, NEW.subaccount, NEW.ticker, NEW.side, NEW.quantity, NEW.status, NEW.entry_price, NEW.current_price, NEW.market_exposure, NEW.total_traded, NEW.fees_paid, NEW.realized_pnl, NEW.unrealized_pnl, NEW.unrealized_pnl_pct, NEW.strategy_id, NEW.model_id, NEW.method_id, NEW.target_price, NEW.stop_loss_price, NEW.trailing_stop_state, NEW.entry_time, NEW.exit_time, NEW.last_check_time, NEW.exit_price, NEW.exit_reason, NEW.exit_priority, NEW.initial_order_id, NEW.metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

DROP TRIGGER edges_immutable_version ON edges;
ALTER TABLE edges
  ALTER COLUMN expected_value TYPE numeric(10, 6),
  ALTER COLUMN true_win_probability TYPE numeric(10, 6),
  ALTER COLUMN market_implied_probability TYPE numeric(10, 6),
  ALTER COLUMN market_price TYPE numeric(10, 6);
CREATE TRIGGER edges_immutable_version BEFORE UPDATE ON edges
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.platform_id, OLD.ticker, OLD.strategy_id, OLD.model_id, OLD.side, OLD.expected_value, OLD.true_win_probability, OLD.market_implied_probability, OLD.market_price, OLD.confidence_level, OLD.confidence_metrics, OLD.recommended_action, OLD.probability_matrix_id, OLD.calculation_run_id, OLD.metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.platform_id, NEW.ticker, NEW.strategy_id, NEW.model_id, NEW.side, NEW.expected_value, NEW.true_win_probability, NEW.market_implied_probability, NEW.market_price, NEW.confidence_level, NEW.confidence_metrics, NEW.recommended_action, NEW.probability_matrix_id, NEW.calculation_run_id, NEW.metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

ALTER TABLE trades
  ALTER COLUMN price TYPE numeric(10, 6),
  ALTER COLUMN fees TYPE numeric(20, 6),
  ALTER COLUMN edge_at_execution TYPE numeric(10, 6);

ALTER TABLE settlements
  ALTER COLUMN yes_total_cost TYPE numeric(20, 6),
  ALTER COLUMN no_total_cost TYPE numeric(20, 6),
  ALTER COLUMN settlement_value TYPE numeric(10, 6),
  ALTER COLUMN revenue TYPE numeric(20, 6),
  ALTER COLUMN fees TYPE numeric(20, 6);

ALTER TABLE position_exits
  ALTER COLUMN exit_price TYPE numeric(10, 6),
  ALTER COLUMN realized_pnl TYPE numeric(20, 6),
  ALTER COLUMN unrealized_pnl_at_exit TYPE numeric(20, 6);

ALTER TABLE exit_attempts
  ALTER COLUMN limit_price TYPE numeric(10, 6),
  ALTER COLUMN fill_price TYPE numeric(10, 6);

COMMENT ON TABLE positions IS 'SCD2: positions, business key position_key (stable from opening at zero until back at zero). At most one open current position per (platform_id, subaccount, ticker). Money in dollars: NUMERIC(20,6); prices NUMERIC(10,6); quantity in contracts NUMERIC(12,2).';

-- 2. ingest_errors ---------------------------------------------------------------------------------
CREATE TABLE ingest_errors (
  ingest_error_id bigint GENERATED ALWAYS AS IDENTITY,
  platform_id text NOT NULL DEFAULT 'kalshi',
  stream text NOT NULL,
  item_kind text NOT NULL,
  item_id text,
  item_path text NOT NULL,
  reason text NOT NULL,
  raw_json text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ingest_errors_pkey PRIMARY KEY (ingest_error_id),
  CONSTRAINT ingest_errors_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT ingest_errors_stream_check CHECK (stream <> ''),
  CONSTRAINT ingest_errors_item_kind_check CHECK (item_kind <> '')
);
COMMENT ON TABLE ingest_errors IS 'Append-only: items a sync could not parse or store, kept aside with their raw JSON (as text: JSON escapes keep NUL characters storable). item_id = the fill id, order id or ticker when the item has one.';
CREATE INDEX ingest_errors_stream_item_idx ON ingest_errors (stream, item_id);
CREATE INDEX ingest_errors_occurred_at_idx ON ingest_errors (occurred_at);
CREATE TRIGGER ingest_errors_append_only BEFORE UPDATE OR DELETE ON ingest_errors
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER ingest_errors_no_truncate BEFORE TRUNCATE ON ingest_errors
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

-- 3. trade_corrections -----------------------------------------------------------------------------
CREATE TABLE trade_corrections (
  correction_id bigint GENERATED ALWAYS AS IDENTITY,
  trade_id bigint NOT NULL,
  external_trade_id text NOT NULL,
  price numeric(10, 6) NOT NULL,
  quantity numeric(12, 2) NOT NULL,
  fees numeric(20, 6) NOT NULL,
  is_taker boolean,
  executed_at timestamptz NOT NULL,
  metadata jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT trade_corrections_pkey PRIMARY KEY (correction_id),
  CONSTRAINT trade_corrections_trade_id_fkey FOREIGN KEY (trade_id) REFERENCES trades (trade_id),
  CONSTRAINT trade_corrections_price_check CHECK (price >= 0 AND price <= 1),
  CONSTRAINT trade_corrections_quantity_check CHECK (quantity > 0),
  CONSTRAINT trade_corrections_fees_check CHECK (fees >= 0)
);
COMMENT ON TABLE trade_corrections IS 'Append-only: a fill the exchange sent again with different figures (price, quantity, fees, taker flag, time). Linked to the original trades row; the latest correction is the fill''s current figures (see trades_current).';
CREATE INDEX trade_corrections_trade_id_idx ON trade_corrections (trade_id, correction_id);
CREATE TRIGGER trade_corrections_append_only BEFORE UPDATE OR DELETE ON trade_corrections
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER trade_corrections_no_truncate BEFORE TRUNCATE ON trade_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE VIEW trades_current AS
SELECT
  t.trade_id,
  t.external_trade_id,
  t.platform_id,
  t.subaccount,
  t.order_id,
  t.ticker,
  t.side,
  t.action,
  coalesce(c.price, t.price) AS price,
  coalesce(c.quantity, t.quantity) AS quantity,
  coalesce(c.fees, t.fees) AS fees,
  CASE WHEN c.correction_id IS NULL THEN t.is_taker ELSE c.is_taker END AS is_taker,
  coalesce(c.executed_at, t.executed_at) AS executed_at,
  t.position_key,
  c.correction_id AS latest_correction_id,
  t.recorded_at
FROM trades t
LEFT JOIN LATERAL (
  SELECT * FROM trade_corrections tc WHERE tc.trade_id = t.trade_id ORDER BY tc.correction_id DESC LIMIT 1
) c ON true;
COMMENT ON VIEW trades_current IS 'Each fill with its current figures: the latest trade_corrections row when there is one, else the original trades row.';

-- 4. sync_high_water_marks ---------------------------------------------------------------------------
CREATE TABLE sync_high_water_marks (
  platform_id text NOT NULL DEFAULT 'kalshi',
  subaccount integer NOT NULL DEFAULT 0,
  stream text NOT NULL,
  min_ts timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sync_high_water_marks_pkey PRIMARY KEY (platform_id, subaccount, stream),
  CONSTRAINT sync_high_water_marks_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT sync_high_water_marks_stream_check CHECK (stream <> ''),
  CONSTRAINT sync_high_water_marks_subaccount_check CHECK (subaccount >= 0)
);
COMMENT ON TABLE sync_high_water_marks IS 'Per stream of synced data (fills, settlements, ...): the newest exchange time stored. The next incremental sync reads from min_ts minus an overlap window; --full ignores it.';
