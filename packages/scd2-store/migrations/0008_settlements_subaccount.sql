-- 0008_settlements_subaccount: settlements are per subaccount.
--
-- 0004 made settlements unique on (ticker, settled_at): two subaccounts settling the same market
-- at the same moment collided, and the second settlement was dropped as a "duplicate". The key
-- is now (platform_id, subaccount, ticker, settled_at). Existing rows belong to the primary
-- account (subaccount 0), which is what the sync wrote before subaccounts were recorded.
-- Adding a column with a constant default rewrites no row, so the append-only triggers never fire.

ALTER TABLE settlements ADD COLUMN subaccount integer NOT NULL DEFAULT 0;
ALTER TABLE settlements ADD CONSTRAINT settlements_subaccount_check CHECK (subaccount >= 0);
ALTER TABLE settlements DROP CONSTRAINT settlements_ticker_settled_at_key;
ALTER TABLE settlements ADD CONSTRAINT settlements_platform_subaccount_ticker_settled_at_key
  UNIQUE (platform_id, subaccount, ticker, settled_at);
COMMENT ON COLUMN settlements.subaccount IS 'Kalshi subaccount number; 0 is the primary account.';
