import { z } from 'zod';
import { bool, count, dollars, intIn, obj, oneOf, positiveInt, str, time } from './primitives';

const breaker = obj({ threshold: positiveInt, timeout_seconds: positiveInt });
const channel = oneOf(['console', 'file', 'email', 'sms', 'slack', 'webhook', 'database']);

/** Schema of `system.yaml`: process-wide settings. */
export const systemSchema = obj({
  version: str,
  database: obj({
    pool_size: positiveInt,
    pool_timeout_seconds: positiveInt,
    statement_timeout_ms: count,
    idle_in_transaction_timeout_ms: count,
    ssl_mode: oneOf(['disable', 'prefer', 'require', 'verify-ca', 'verify-full']),
  }),
  logging: obj({
    level: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
    console: obj({ enabled: bool, format: oneOf(['auto', 'pretty', 'json']) }),
    file: obj({ enabled: bool, path: str }),
    context: obj({ include_trade_id: bool, include_market_id: bool }),
  }),
  defaults: obj({
    timezone: str,
    currency: str,
    decimal_places: obj({ prices: count, amounts: count, percentages: count }),
    timeouts: obj({
      api_request_seconds: positiveInt,
      websocket_ping_seconds: positiveInt,
    }),
    retries: obj({
      max_attempts: positiveInt,
      initial_delay_ms: count,
      max_delay_ms: count,
      rate_limit_max_wait_seconds: count,
    }),
    pagination: obj({ max_pages_without_new_items: positiveInt }),
  }),
  health_checks: obj({
    enabled: bool,
    interval_seconds: positiveInt,
    checks: obj({ database_connection: bool, api_connectivity: bool, disk_space: bool, memory_usage: bool }),
    thresholds: obj({
      disk_space_min_gb: count,
      memory_usage_max_percent: intIn(1, 100, 'an integer percent'),
      api_latency_max_ms: positiveInt,
    }),
  }),
  circuit_breakers: obj({
    enabled: bool,
    api_failures: breaker,
    data_quality: breaker,
    loss_limit: obj({ daily_loss_dollars: dollars, timeout_seconds: positiveInt }),
    position_limit: obj({ max_open_positions: positiveInt, timeout_seconds: positiveInt }),
  }),
  features: obj({
    websockets: bool,
    live_trading: bool,
    position_adjustments: bool,
    early_exit: bool,
    dashboard: bool,
    email_alerts: bool,
    multi_sport: bool,
    polymarket: bool,
    debug_mode: bool,
    dry_run: bool,
  }),
  maintenance: obj({
    enabled: bool,
    scheduled_windows: z.array(
      obj({
        day: oneOf(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
        start_time: time,
        end_time: time,
        timezone: str,
        reason: str,
      }),
      { error: 'a list of maintenance windows' },
    ),
  }),
  audit: obj({
    enabled: bool,
    retention_years: positiveInt,
    events: obj({ trades: bool, config_changes: bool, manual_interventions: bool, api_key_usage: bool }),
  }),
  notifications: obj({
    email: obj({
      enabled: bool,
      smtp_host_env: str,
      smtp_port_env: str,
      username_env: str,
      password_env: str,
      from_address_env: str,
      recipients_env: str,
    }),
    sms: obj({
      enabled: bool,
      account_sid_env: str,
      auth_token_env: str,
      from_number_env: str,
      recipients_env: str,
      max_per_hour: count,
      max_per_day: count,
    }),
    slack: obj({ enabled: bool, webhook_url_env: str }),
    webhook: obj({ enabled: bool, url_env: str }),
  }),
  alert_routing: obj({
    critical: z.array(channel),
    high: z.array(channel),
    medium: z.array(channel),
    low: z.array(channel),
  }),
});

/** The validated contents of `system.yaml`. */
export type SystemConfig = z.output<typeof systemSchema>;
