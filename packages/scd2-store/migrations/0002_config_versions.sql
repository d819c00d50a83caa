-- 0002_config_versions: immutable-config version tables (strategies, probability_models, methods),
-- their lifecycle transition log, and the probability_matrices lookup.
--
-- Rules enforced here:
--   * one row per (name, version); the config JSONB and the identity columns never change (PC002);
--   * status is one of draft, testing, active, deprecated; at most one 'active' row per name
--     (partial unique index);
--   * status moves only draft -> testing -> active -> deprecated, testing -> draft, and any
--     non-deprecated status -> deprecated (PC003). A row may be inserted in any status.

-- TG_ARGV: the columns that may never change (config first).
CREATE FUNCTION precog_guard_immutable_config() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  col text;
BEGIN
  FOREACH col IN ARRAY TG_ARGV LOOP
    IF (to_jsonb(OLD) -> col) IS DISTINCT FROM (to_jsonb(NEW) -> col) THEN
      RAISE EXCEPTION USING
        ERRCODE = 'PC002',
        MESSAGE = format('immutable config: %s.%s cannot change', TG_TABLE_NAME, col),
        TABLE = TG_TABLE_NAME,
        COLUMN = col,
        SCHEMA = TG_TABLE_SCHEMA;
    END IF;
  END LOOP;
  RETURN NEW;
END;
$$;

CREATE FUNCTION precog_guard_lifecycle_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status, NEW.status) IN (
       ('draft', 'testing'),
       ('testing', 'active'),
       ('testing', 'draft'),
       ('active', 'deprecated'),
       ('testing', 'deprecated'),
       ('draft', 'deprecated')) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING
    ERRCODE = 'PC003',
    MESSAGE = format('lifecycle: %s status %s -> %s not allowed', TG_TABLE_NAME, OLD.status, NEW.status),
    TABLE = TG_TABLE_NAME,
    COLUMN = 'status',
    SCHEMA = TG_TABLE_SCHEMA;
END;
$$;

CREATE TABLE strategies (
  strategy_id bigint GENERATED ALWAYS AS IDENTITY,
  strategy_name text NOT NULL,
  strategy_version text NOT NULL,
  platform_id text,
  approach text,
  domain text,
  description text,
  config jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  activated_at timestamptz,
  deactivated_at timestamptz,
  notes text,
  paper_trades_count integer NOT NULL DEFAULT 0,
  paper_roi numeric(10, 4),
  live_trades_count integer NOT NULL DEFAULT 0,
  live_roi numeric(10, 4),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT strategies_pkey PRIMARY KEY (strategy_id),
  CONSTRAINT strategies_name_version_key UNIQUE (strategy_name, strategy_version),
  CONSTRAINT strategies_platform_id_fkey FOREIGN KEY (platform_id) REFERENCES platforms (platform_id),
  CONSTRAINT strategies_status_check CHECK (status IN ('draft', 'testing', 'active', 'deprecated')),
  CONSTRAINT strategies_config_check CHECK (jsonb_typeof(config) = 'object'),
  CONSTRAINT strategies_activation_order_check CHECK (deactivated_at IS NULL OR activated_at IS NULL OR deactivated_at >= activated_at),
  CONSTRAINT strategies_paper_trades_count_check CHECK (paper_trades_count >= 0),
  CONSTRAINT strategies_live_trades_count_check CHECK (live_trades_count >= 0)
);
COMMENT ON TABLE strategies IS 'Immutable-config version: one row per (strategy_name, strategy_version); config never changes.';
CREATE UNIQUE INDEX strategies_one_active_per_name ON strategies (strategy_name) WHERE status = 'active';
CREATE INDEX strategies_status_idx ON strategies (status);
CREATE TRIGGER strategies_immutable_config BEFORE UPDATE ON strategies
  FOR EACH ROW EXECUTE FUNCTION precog_guard_immutable_config('config', 'strategy_name', 'strategy_version', 'strategy_id');
CREATE TRIGGER strategies_lifecycle_transition BEFORE UPDATE OF status ON strategies
  FOR EACH ROW EXECUTE FUNCTION precog_guard_lifecycle_transition();

CREATE TABLE probability_models (
  model_id bigint GENERATED ALWAYS AS IDENTITY,
  model_name text NOT NULL,
  model_version text NOT NULL,
  approach text,
  domain text,
  description text,
  config jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  activated_at timestamptz,
  deactivated_at timestamptz,
  training_start_date date,
  training_end_date date,
  training_sample_size integer,
  validation_accuracy numeric(10, 4),
  validation_calibration numeric(10, 4),
  validation_sample_size integer,
  notes text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT probability_models_pkey PRIMARY KEY (model_id),
  CONSTRAINT probability_models_name_version_key UNIQUE (model_name, model_version),
  CONSTRAINT probability_models_status_check CHECK (status IN ('draft', 'testing', 'active', 'deprecated')),
  CONSTRAINT probability_models_config_check CHECK (jsonb_typeof(config) = 'object'),
  CONSTRAINT probability_models_activation_order_check CHECK (deactivated_at IS NULL OR activated_at IS NULL OR deactivated_at >= activated_at),
  CONSTRAINT probability_models_training_dates_check CHECK (training_end_date IS NULL OR training_start_date IS NULL OR training_end_date >= training_start_date),
  CONSTRAINT probability_models_training_sample_size_check CHECK (training_sample_size IS NULL OR training_sample_size >= 0),
  CONSTRAINT probability_models_validation_accuracy_check CHECK (validation_accuracy IS NULL OR (validation_accuracy >= 0 AND validation_accuracy <= 1)),
  CONSTRAINT probability_models_validation_calibration_check CHECK (validation_calibration IS NULL OR validation_calibration >= 0),
  CONSTRAINT probability_models_validation_sample_size_check CHECK (validation_sample_size IS NULL OR validation_sample_size >= 0)
);
COMMENT ON TABLE probability_models IS 'Immutable-config version: one row per (model_name, model_version); config never changes.';
CREATE UNIQUE INDEX probability_models_one_active_per_name ON probability_models (model_name) WHERE status = 'active';
CREATE INDEX probability_models_status_idx ON probability_models (status);
CREATE TRIGGER probability_models_immutable_config BEFORE UPDATE ON probability_models
  FOR EACH ROW EXECUTE FUNCTION precog_guard_immutable_config('config', 'model_name', 'model_version', 'model_id');
CREATE TRIGGER probability_models_lifecycle_transition BEFORE UPDATE OF status ON probability_models
  FOR EACH ROW EXECUTE FUNCTION precog_guard_lifecycle_transition();

CREATE TABLE methods (
  method_id bigint GENERATED ALWAYS AS IDENTITY,
  method_name text NOT NULL,
  method_version text NOT NULL,
  strategy_id bigint NOT NULL,
  model_id bigint NOT NULL,
  config jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  activated_at timestamptz,
  deactivated_at timestamptz,
  description text,
  notes text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT methods_pkey PRIMARY KEY (method_id),
  CONSTRAINT methods_name_version_key UNIQUE (method_name, method_version),
  CONSTRAINT methods_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES strategies (strategy_id),
  CONSTRAINT methods_model_id_fkey FOREIGN KEY (model_id) REFERENCES probability_models (model_id),
  CONSTRAINT methods_status_check CHECK (status IN ('draft', 'testing', 'active', 'deprecated')),
  CONSTRAINT methods_config_check CHECK (jsonb_typeof(config) = 'object'),
  CONSTRAINT methods_activation_order_check CHECK (deactivated_at IS NULL OR activated_at IS NULL OR deactivated_at >= activated_at)
);
COMMENT ON TABLE methods IS 'Immutable-config version: a strategy version + model version + position/risk/execution config bundle.';
COMMENT ON COLUMN methods.config IS 'Immutable bundle: {"position_management": ..., "risk": ..., "execution": ..., "sport": ...}.';
CREATE UNIQUE INDEX methods_one_active_per_name ON methods (method_name) WHERE status = 'active';
CREATE INDEX methods_strategy_id_idx ON methods (strategy_id);
CREATE INDEX methods_model_id_idx ON methods (model_id);
CREATE TRIGGER methods_immutable_config BEFORE UPDATE ON methods
  FOR EACH ROW EXECUTE FUNCTION precog_guard_immutable_config('config', 'method_name', 'method_version', 'method_id', 'strategy_id', 'model_id');
CREATE TRIGGER methods_lifecycle_transition BEFORE UPDATE OF status ON methods
  FOR EACH ROW EXECUTE FUNCTION precog_guard_lifecycle_transition();

CREATE TABLE lifecycle_transitions (
  transition_id bigint GENERATED ALWAYS AS IDENTITY,
  entity_type text NOT NULL,
  entity_id bigint NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor text NOT NULL,
  reason text,
  transitioned_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT lifecycle_transitions_pkey PRIMARY KEY (transition_id),
  CONSTRAINT lifecycle_transitions_entity_type_check CHECK (entity_type IN ('strategy', 'model', 'method')),
  CONSTRAINT lifecycle_transitions_from_status_check CHECK (from_status IN ('draft', 'testing', 'active', 'deprecated')),
  CONSTRAINT lifecycle_transitions_to_status_check CHECK (to_status IN ('draft', 'testing', 'active', 'deprecated')),
  CONSTRAINT lifecycle_transitions_changes_status_check CHECK (from_status IS DISTINCT FROM to_status),
  CONSTRAINT lifecycle_transitions_actor_check CHECK (actor <> '')
);
COMMENT ON TABLE lifecycle_transitions IS 'Append-only: every status change of a strategy / model / method (from_status NULL = created). entity_id is strategies.strategy_id, probability_models.model_id or methods.method_id.';
CREATE INDEX lifecycle_transitions_entity_idx ON lifecycle_transitions (entity_type, entity_id, transitioned_at);
CREATE TRIGGER lifecycle_transitions_append_only BEFORE UPDATE OR DELETE ON lifecycle_transitions
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER lifecycle_transitions_no_truncate BEFORE TRUNCATE ON lifecycle_transitions
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE TABLE probability_matrices (
  probability_id bigint GENERATED ALWAYS AS IDENTITY,
  matrix_name text,
  category text NOT NULL,
  subcategory text NOT NULL,
  version text NOT NULL,
  state_descriptor text NOT NULL,
  value_bucket text NOT NULL,
  situational_factors jsonb,
  win_probability numeric(10, 4) NOT NULL,
  confidence_interval_lower numeric(10, 4),
  confidence_interval_upper numeric(10, 4),
  sample_size integer,
  source text,
  methodology text,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT probability_matrices_pkey PRIMARY KEY (probability_id),
  CONSTRAINT probability_matrices_category_check CHECK (category IN ('sports', 'politics', 'entertainment', 'economics', 'weather', 'other')),
  CONSTRAINT probability_matrices_win_probability_check CHECK (win_probability >= 0 AND win_probability <= 1),
  CONSTRAINT probability_matrices_ci_lower_check CHECK (confidence_interval_lower IS NULL OR (confidence_interval_lower >= 0 AND confidence_interval_lower <= 1)),
  CONSTRAINT probability_matrices_ci_upper_check CHECK (confidence_interval_upper IS NULL OR (confidence_interval_upper >= 0 AND confidence_interval_upper <= 1)),
  CONSTRAINT probability_matrices_ci_order_check CHECK (confidence_interval_lower IS NULL OR confidence_interval_upper IS NULL OR confidence_interval_lower <= confidence_interval_upper),
  CONSTRAINT probability_matrices_sample_size_check CHECK (sample_size IS NULL OR sample_size >= 0)
);
COMMENT ON TABLE probability_matrices IS 'Lookup: historical win-probability buckets.';
CREATE INDEX probability_matrices_lookup_idx ON probability_matrices (category, subcategory, version, state_descriptor, value_bucket);
