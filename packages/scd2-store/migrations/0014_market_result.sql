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
