-- 0014_market_result: a market's result, and a keyset index for replaying the market history.
--
-- result: what the market resolved to, as the exchange reports it: 'yes', 'no', 'scalar', or ''
-- (not determined yet). It is a tracked column: a market whose result appears gets a new version,
-- which is where a backtest settles it. Adding a column with a constant default rewrites no row,
-- so the immutable-version trigger never fires for existing rows; the trigger is recreated with the
-- new column in its list (see 0003: every column but row_current_ind / row_end_ts is listed).
--
-- markets_row_start_ts_id_idx: the backtester reads every version in (row_start_ts, id) order, a
-- page at a time (WHERE (row_start_ts, id) > (last page's end) ORDER BY row_start_ts, id LIMIT n);
-- this index serves each page without a sort.
--
-- backtest_runs: append-only, one row per backtest, tied to the strategy and model versions it
-- tested (either may be absent: a model given as a probabilities file has no model row), so the
-- testing -> active decision for a version is made from recorded evidence.

ALTER TABLE markets ADD COLUMN result text NOT NULL DEFAULT '';
ALTER TABLE markets ADD CONSTRAINT markets_result_check CHECK (result IN ('yes', 'no', 'scalar', ''));
COMMENT ON COLUMN markets.result IS 'The market''s result as the exchange reports it: yes, no, scalar, or empty while not determined.';

CREATE INDEX markets_row_start_ts_id_idx ON markets (row_start_ts, id);

DROP TRIGGER markets_immutable_version ON markets;
CREATE TRIGGER markets_immutable_version BEFORE UPDATE ON markets
  FOR EACH ROW
  WHEN (NOT (OLD.row_current_ind AND NOT NEW.row_current_ind AND OLD.row_end_ts IS NULL AND NEW.row_end_ts IS NOT NULL)
        OR (OLD.id, OLD.platform_id, OLD.ticker, OLD.event_ticker, OLD.title, OLD.status, OLD.yes_bid, OLD.yes_ask, OLD.no_bid, OLD.no_ask, OLD.last_price, OLD.volume, OLD.open_interest, OLD.result, OLD.metadata, OLD.row_start_ts)
           IS DISTINCT FROM (NEW.id, NEW.platform_id, NEW.ticker, NEW.event_ticker, NEW.title, NEW.status, NEW.yes_bid, NEW.yes_ask, NEW.no_bid, NEW.no_ask, NEW.last_price, NEW.volume, NEW.open_interest, NEW.result, NEW.metadata, NEW.row_start_ts))
  EXECUTE FUNCTION precog_refuse_scd2_version_change();

CREATE TABLE backtest_runs (
  run_id bigint GENERATED ALWAYS AS IDENTITY,
  strategy_id bigint,
  model_id bigint,
  strategy_label text NOT NULL,
  model_label text NOT NULL,
  window_from timestamptz,
  window_to timestamptz,
  versions_replayed bigint NOT NULL,
  trades integer NOT NULL,
  fees numeric(20, 6) NOT NULL,
  net_pnl numeric(20, 6) NOT NULL,
  max_drawdown numeric(20, 6) NOT NULL,
  hit_rate numeric(10, 6),
  brier_model numeric(10, 6),
  brier_market numeric(10, 6),
  metrics jsonb NOT NULL,
  options jsonb NOT NULL,
  ran_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT backtest_runs_pkey PRIMARY KEY (run_id),
  CONSTRAINT backtest_runs_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES strategies (strategy_id),
  CONSTRAINT backtest_runs_model_id_fkey FOREIGN KEY (model_id) REFERENCES probability_models (model_id),
  CONSTRAINT backtest_runs_window_check CHECK (window_to IS NULL OR window_from IS NULL OR window_to > window_from),
  CONSTRAINT backtest_runs_versions_replayed_check CHECK (versions_replayed >= 0),
  CONSTRAINT backtest_runs_trades_check CHECK (trades >= 0),
  CONSTRAINT backtest_runs_fees_check CHECK (fees >= 0),
  CONSTRAINT backtest_runs_max_drawdown_check CHECK (max_drawdown >= 0),
  CONSTRAINT backtest_runs_hit_rate_check CHECK (hit_rate >= 0 AND hit_rate <= 1),
  CONSTRAINT backtest_runs_brier_model_check CHECK (brier_model >= 0 AND brier_model <= 1),
  CONSTRAINT backtest_runs_brier_market_check CHECK (brier_market >= 0 AND brier_market <= 1),
  CONSTRAINT backtest_runs_metrics_check CHECK (jsonb_typeof(metrics) = 'object'),
  CONSTRAINT backtest_runs_options_check CHECK (jsonb_typeof(options) = 'object')
);
COMMENT ON TABLE backtest_runs IS 'Append-only: one row per backtest of a strategy version with a model version (or a probabilities file). Money in dollars; hit_rate and Brier scores rounded half up to 6 places (full precision in metrics).';
CREATE INDEX backtest_runs_strategy_id_idx ON backtest_runs (strategy_id, ran_at) WHERE strategy_id IS NOT NULL;
CREATE INDEX backtest_runs_model_id_idx ON backtest_runs (model_id, ran_at) WHERE model_id IS NOT NULL;
CREATE TRIGGER backtest_runs_append_only BEFORE UPDATE OR DELETE ON backtest_runs
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER backtest_runs_no_truncate BEFORE TRUNCATE ON backtest_runs
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();
