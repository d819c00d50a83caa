-- 0005_operations: runtime configuration overrides, circuit breaker events and alerts.

CREATE TABLE config_overrides (
  override_id bigint GENERATED ALWAYS AS IDENTITY,
  config_key text NOT NULL,
  override_value jsonb NOT NULL,
  data_type text,
  reason text,
  applied_by text,
  applied_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  CONSTRAINT config_overrides_pkey PRIMARY KEY (override_id),
  CONSTRAINT config_overrides_config_key_check CHECK (config_key ~ '^[a-z0-9_]+(\.[a-z0-9_]+)*$'),
  CONSTRAINT config_overrides_data_type_check CHECK (data_type IN ('decimal', 'float', 'int', 'bool', 'string', 'json')),
  CONSTRAINT config_overrides_expiry_check CHECK (expires_at IS NULL OR expires_at >= applied_at)
);
COMMENT ON TABLE config_overrides IS 'Mutable entity: database-tier configuration overrides (dotted config_key, value in override_value). At most one active override per key.';
CREATE UNIQUE INDEX config_overrides_one_active_per_key ON config_overrides (config_key) WHERE active;

-- circuit_breaker_events: append + resolve. A trip is inserted once; it may then be resolved once
-- (resolved_at from NULL to a time, with resolution_action / resolved_by / resolution_notes).
-- Any other UPDATE, and every DELETE / TRUNCATE, raises PC001.
CREATE FUNCTION precog_guard_circuit_breaker_resolution() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.resolved_at IS NULL
     AND NEW.resolved_at IS NOT NULL
     AND (to_jsonb(OLD) - 'resolved_at' - 'resolution_action' - 'resolved_by' - 'resolution_notes')
         = (to_jsonb(NEW) - 'resolved_at' - 'resolution_action' - 'resolved_by' - 'resolution_notes') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING
    ERRCODE = 'PC001',
    MESSAGE = format('append-only table %s: %s refused', TG_TABLE_NAME, TG_OP),
    TABLE = TG_TABLE_NAME,
    SCHEMA = TG_TABLE_SCHEMA;
END;
$$;

CREATE TABLE circuit_breaker_events (
  event_id bigint GENERATED ALWAYS AS IDENTITY,
  breaker_type text NOT NULL,
  triggered_at timestamptz NOT NULL DEFAULT now(),
  trigger_value jsonb,
  notes text,
  resolved_at timestamptz,
  resolution_action text,
  resolved_by text,
  resolution_notes text,
  CONSTRAINT circuit_breaker_events_pkey PRIMARY KEY (event_id),
  CONSTRAINT circuit_breaker_events_breaker_type_check CHECK (breaker_type IN ('daily_loss_limit', 'api_failures', 'data_stale', 'position_limit', 'manual', 'edge_anomaly', 'rapid_loss', 'unusual_activity', 'data_quality', 'consecutive_losses')),
  CONSTRAINT circuit_breaker_events_resolution_check CHECK (resolved_at IS NULL OR resolved_at >= triggered_at),
  CONSTRAINT circuit_breaker_events_resolution_action_check CHECK (resolution_action IS NULL OR resolved_at IS NOT NULL)
);
COMMENT ON TABLE circuit_breaker_events IS 'Append + resolve: breaker trips; only the resolution columns may be filled in, once.';
CREATE INDEX circuit_breaker_events_triggered_at_idx ON circuit_breaker_events (triggered_at);
CREATE INDEX circuit_breaker_events_unresolved_idx ON circuit_breaker_events (breaker_type) WHERE resolved_at IS NULL;
CREATE TRIGGER circuit_breaker_events_resolve_once BEFORE UPDATE ON circuit_breaker_events
  FOR EACH ROW EXECUTE FUNCTION precog_guard_circuit_breaker_resolution();
CREATE TRIGGER circuit_breaker_events_append_only BEFORE DELETE ON circuit_breaker_events
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER circuit_breaker_events_no_truncate BEFORE TRUNCATE ON circuit_breaker_events
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();

CREATE TABLE alerts (
  alert_id bigint GENERATED ALWAYS AS IDENTITY,
  alert_uuid uuid NOT NULL DEFAULT gen_random_uuid(),
  alert_type text NOT NULL,
  severity text NOT NULL,
  category text,
  component text NOT NULL,
  message text NOT NULL,
  details jsonb,
  source_table text,
  source_id bigint,
  triggered_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by text,
  acknowledged_notes text,
  resolved_at timestamptz,
  resolved_by text,
  resolved_notes text,
  resolution_action text,
  notification_sent boolean NOT NULL DEFAULT false,
  notification_channels jsonb,
  notification_sent_at timestamptz,
  notification_attempts integer NOT NULL DEFAULT 0,
  notification_errors jsonb,
  fingerprint text,
  suppressed boolean NOT NULL DEFAULT false,
  environment text,
  tags jsonb,
  CONSTRAINT alerts_pkey PRIMARY KEY (alert_id),
  CONSTRAINT alerts_alert_uuid_key UNIQUE (alert_uuid),
  CONSTRAINT alerts_severity_check CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  CONSTRAINT alerts_category_check CHECK (category IN ('risk', 'system', 'trading', 'data')),
  CONSTRAINT alerts_resolution_action_check CHECK (resolution_action IN ('fixed', 'false_positive', 'ignored', 'escalated')),
  CONSTRAINT alerts_notification_attempts_check CHECK (notification_attempts >= 0),
  CONSTRAINT alerts_acknowledged_order_check CHECK (acknowledged_at IS NULL OR acknowledged_at >= triggered_at),
  CONSTRAINT alerts_resolved_order_check CHECK (resolved_at IS NULL OR resolved_at >= triggered_at),
  CONSTRAINT alerts_environment_check CHECK (environment IN ('demo', 'prod', 'test', 'dev'))
);
COMMENT ON TABLE alerts IS 'Append + lifecycle: alerts, later acknowledged / resolved / notified in place; never deleted (PC001).';
CREATE INDEX alerts_triggered_at_idx ON alerts (triggered_at);
CREATE INDEX alerts_unresolved_idx ON alerts (severity, triggered_at) WHERE resolved_at IS NULL;
CREATE INDEX alerts_fingerprint_idx ON alerts (fingerprint, triggered_at) WHERE fingerprint IS NOT NULL;
CREATE INDEX alerts_component_idx ON alerts (component);
CREATE TRIGGER alerts_append_only BEFORE DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION precog_refuse_append_only_change();
CREATE TRIGGER alerts_no_truncate BEFORE TRUNCATE ON alerts
  FOR EACH STATEMENT EXECUTE FUNCTION precog_refuse_append_only_change();
