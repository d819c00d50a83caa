-- 0013_position_side_unknown: a flat position whose side the exchange never told us.
--
-- Kalshi reports a market's position per market, cumulated over its whole life: once it is back at
-- zero (closed, settled, archived under GET /historical/positions) the record has no side. A sync
-- from an empty store meets such records for markets it never saw held, and stores them as
-- closed or settled positions with the exchange's figures; their side is unknown, so NULL rather
-- than a guess. A held position (status 'open') or any position with contracts still needs a side.
-- Dropping NOT NULL rewrites no row, so the immutable-version trigger never fires.

ALTER TABLE positions ALTER COLUMN side DROP NOT NULL;
ALTER TABLE positions ADD CONSTRAINT positions_side_known_check
  CHECK (side IS NOT NULL OR (status <> 'open' AND quantity = 0));
COMMENT ON COLUMN positions.side IS 'yes or no; NULL only on a flat closed/settled position the exchange reported without ever reporting it held (its side is unknown).';
