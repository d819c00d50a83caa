-- 0001_core: shared trigger functions and the platform / series / event hierarchy.
-- Plain PostgreSQL (15+, also PGlite). The migration runner wraps this file in one transaction.
-- Objects are never schema-qualified, so the schema can live in any schema on the search_path.
--
-- Custom SQLSTATEs raised by this schema (mapped to typed errors by @precog/scd2-store):
--   PC001  append-only violation   (UPDATE / DELETE / TRUNCATE of an append-only table)
--   PC002  immutable config        (config or identity of a strategy / model / method changed)
--   PC003  lifecycle transition    (a status change that the lifecycle does not allow)
--   PC004  immutable SCD2 version  (a version row changed other than by being closed once)
-- Maintenance escape hatch: triggers do not fire under `SET session_replication_role = replica`
-- (superuser only), which test suites may use to clear tables.

-- Refuses any UPDATE, DELETE or TRUNCATE on an append-only table.
CREATE FUNCTION precog_refuse_append_only_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'PC001',
    MESSAGE = format('append-only table %s: %s refused', TG_TABLE_NAME, TG_OP),
    TABLE = TG_TABLE_NAME,
    SCHEMA = TG_TABLE_SCHEMA;
END;
$$;

-- SCD2 version rows are immutable: the only allowed UPDATE closes the current version
-- (row_current_ind true -> false and row_end_ts NULL -> a time) and changes nothing else.
-- The test is the WHEN clause of each table's trigger (see 0003_scd2.sql); this function only
-- runs when that test found a violation.
CREATE FUNCTION precog_refuse_scd2_version_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'PC004',
    MESSAGE = format('immutable version: %s row %s can only be closed once', TG_TABLE_NAME, OLD.id),
    TABLE = TG_TABLE_NAME,
    SCHEMA = TG_TABLE_SCHEMA;
END;
$$;

CREATE TABLE platforms (
  platform_id text NOT NULL,
  platform_type text NOT NULL,
  display_name text NOT NULL,
  base_url text,
  websocket_url text,
  api_version text,
  auth_method text,
  fees_structure jsonb,
  status text NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT platforms_pkey PRIMARY KEY (platform_id),
  CONSTRAINT platforms_platform_id_check CHECK (platform_id ~ '^[a-z][a-z0-9_]*$'),
  CONSTRAINT platforms_platform_type_check CHECK (platform_type IN ('trading', 'data_source', 'hybrid')),
  CONSTRAINT platforms_auth_method_check CHECK (auth_method IN ('rsa_pss', 'api_key', 'oauth', 'metamask', 'none')),
  CONSTRAINT platforms_status_check CHECK (status IN ('active', 'inactive', 'maintenance'))
);
COMMENT ON TABLE platforms IS 'Lookup: trading and data platforms (kalshi is seeded).';

CREATE TABLE series (
  series_id text NOT NULL,
  platform_id text NOT NULL,
  external_id text NOT NULL,
  category text NOT NULL,
  subcategory text,
  title text NOT NULL,
  frequency text,
  metadata jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT series_pkey PRIMARY KEY (series_id),
  CONSTRAINT series_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT series_platform_external_id_key UNIQUE (platform_id, external_id),
  CONSTRAINT series_category_check CHECK (category IN ('sports', 'politics', 'entertainment', 'economics', 'weather', 'other')),
  CONSTRAINT series_frequency_check CHECK (frequency IN ('single', 'recurring', 'continuous'))
);
COMMENT ON TABLE series IS 'Mutable entity: recurring event groups (a Kalshi series ticker in external_id).';
CREATE INDEX series_category_idx ON series (category, subcategory);

CREATE TABLE events (
  event_id text NOT NULL,
  platform_id text NOT NULL,
  series_id text,
  external_id text NOT NULL,
  category text NOT NULL,
  subcategory text,
  title text NOT NULL,
  description text,
  start_time timestamptz,
  end_time timestamptz,
  status text,
  result jsonb,
  metadata jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_pkey PRIMARY KEY (event_id),
  CONSTRAINT events_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT events_series_id_fkey FOREIGN KEY (series_id) REFERENCES series (series_id) ON DELETE SET NULL,
  CONSTRAINT events_platform_external_id_key UNIQUE (platform_id, external_id),
  CONSTRAINT events_category_check CHECK (category IN ('sports', 'politics', 'entertainment', 'economics', 'weather', 'other')),
  CONSTRAINT events_status_check CHECK (status IN ('scheduled', 'live', 'final', 'cancelled', 'postponed')),
  CONSTRAINT events_time_order_check CHECK (end_time IS NULL OR start_time IS NULL OR end_time >= start_time)
);
COMMENT ON TABLE events IS 'Mutable entity: concrete games / elections (a Kalshi event ticker in external_id).';
CREATE INDEX events_series_idx ON events (series_id);
CREATE INDEX events_status_idx ON events (status);
CREATE INDEX events_start_time_idx ON events (start_time);

CREATE TABLE teams (
  team_id bigint GENERATED ALWAYS AS IDENTITY,
  team_code text NOT NULL,
  team_name text NOT NULL,
  sport text NOT NULL,
  conference text,
  division text,
  espn_team_id text,
  kalshi_team_id text,
  initial_elo_rating numeric(10, 2),
  current_elo_rating numeric(10, 2),
  metadata jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT teams_pkey PRIMARY KEY (team_id),
  CONSTRAINT teams_sport_team_code_key UNIQUE (sport, team_code),
  CONSTRAINT teams_sport_check CHECK (sport IN ('nfl', 'ncaaf', 'nba', 'ncaab', 'mlb', 'nhl', 'soccer')),
  CONSTRAINT teams_initial_elo_rating_check CHECK (initial_elo_rating IS NULL OR (initial_elo_rating >= 0 AND initial_elo_rating <= 3000)),
  CONSTRAINT teams_current_elo_rating_check CHECK (current_elo_rating IS NULL OR (current_elo_rating >= 0 AND current_elo_rating <= 3000))
);
COMMENT ON TABLE teams IS 'Mutable entity: teams with their current Elo rating (history in elo_rating_history).';
CREATE INDEX teams_current_elo_rating_idx ON teams (current_elo_rating);
CREATE INDEX teams_espn_team_id_idx ON teams (espn_team_id) WHERE espn_team_id IS NOT NULL;
CREATE INDEX teams_kalshi_team_id_idx ON teams (kalshi_team_id) WHERE kalshi_team_id IS NOT NULL;
