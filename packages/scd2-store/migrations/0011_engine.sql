-- 0011_engine: what the trading engine needs to be crash-safe.
--
-- engine_locks: one row per strategy (`name@version`) while an engine trades it. A second engine
-- on the same strategy finds the row held (fresh heartbeat, or a live process on this host) and
-- refuses to start, so two processes never trade the same book. A row whose heartbeat is older
-- than the lease, or whose process is gone, is taken over.
--
-- order_intents: every order the engine decides to send, written BEFORE it is sent, under a
-- deterministic client_order_id (strategy, ticker, side, kind, sequence): after a crash the
-- restarted engine looks each unsettled intent up on the exchange by that id instead of sending
-- it again. engine_fills: the fills of those orders already applied to positions (the
-- high-water mark of the fill poll).

CREATE TABLE engine_locks (
  strategy_key text NOT NULL,
  owner_token text NOT NULL,
  owner_pid integer NOT NULL,
  owner_host text NOT NULL,
  acquired_at timestamptz NOT NULL,
  heartbeat_at timestamptz NOT NULL,
  CONSTRAINT engine_locks_pkey PRIMARY KEY (strategy_key),
  CONSTRAINT engine_locks_strategy_key_check CHECK (strategy_key <> '')
);
COMMENT ON TABLE engine_locks IS 'Mutable entity: the engine holding each strategy (name@version); a second engine on the same strategy refuses to start.';

CREATE TABLE order_intents (
  client_order_id text NOT NULL,
  strategy_key text NOT NULL,
  run_id text NOT NULL,
  ticker text NOT NULL,
  side text NOT NULL,
  kind text NOT NULL,
  seq integer NOT NULL,
  count numeric NOT NULL,
  limit_price numeric NOT NULL,
  reason text NOT NULL,
  status text NOT NULL,
  order_id text,
  order_group_id text,
  filled_count numeric NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT order_intents_pkey PRIMARY KEY (client_order_id),
  CONSTRAINT order_intents_seq_key UNIQUE (strategy_key, ticker, side, kind, seq),
  CONSTRAINT order_intents_side_check CHECK (side IN ('yes', 'no')),
  CONSTRAINT order_intents_kind_check CHECK (kind IN ('enter', 'exit', 'adjust')),
  CONSTRAINT order_intents_status_check CHECK (status IN ('pending', 'resting', 'done', 'not_placed')),
  CONSTRAINT order_intents_count_check CHECK (count >= 0),
  CONSTRAINT order_intents_limit_price_check CHECK (limit_price >= 0 AND limit_price <= 1)
);
CREATE INDEX order_intents_open_idx ON order_intents (strategy_key, status);
COMMENT ON TABLE order_intents IS 'Mutable entity: each order the engine decided to send, written before sending (pending), then resting / done / not_placed.';

CREATE TABLE engine_fills (
  fill_id text NOT NULL,
  strategy_key text NOT NULL,
  client_order_id text NOT NULL,
  ticker text NOT NULL,
  applied_at timestamptz NOT NULL,
  CONSTRAINT engine_fills_pkey PRIMARY KEY (fill_id)
);
COMMENT ON TABLE engine_fills IS 'Append-only: fills of engine orders already applied to positions.';
