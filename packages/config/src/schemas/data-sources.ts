import type { z } from 'zod';
import { bool, count, intIn, mapOf, obj, oneOf, positiveInt, str, strList, url } from './primitives';

const provider = obj({
  enabled: bool,
  role: oneOf(['primary', 'fallback', 'historical']),
  base_url: url.nullable(),
  /** Name of the environment variable holding the provider's key (never the key). */
  api_key_env: str.nullable(),
  polling: obj({
    interval_seconds: count,
    timeout_seconds: count,
    retry_attempts: count,
    retry_delay_seconds: count,
  }),
  rate_limit_per_minute: count,
  data_types: strList,
});

/** Schema of `data_sources.yaml`: data providers, data quality, caching, monitoring. */
export const dataSourcesSchema = obj({
  version: str,
  providers: mapOf(provider),
  data_quality: obj({
    check_data_freshness: bool,
    max_data_age_minutes: positiveInt,
    require_timestamps: bool,
    fallback: obj({ enabled: bool, primary_to_secondary_delay_seconds: count }),
  }),
  caching: obj({
    enabled: bool,
    backend: oneOf(['memory', 'redis', 'file']),
    ttl_seconds: mapOf(count),
  }),
  monitoring: obj({
    health_check_interval_seconds: positiveInt,
    alert_on_failure: bool,
    rate_limit_alert_percent: intIn(1, 100, 'an integer percent'),
  }),
});

/** The validated contents of `data_sources.yaml`. */
export type DataSourcesConfig = z.output<typeof dataSourcesSchema>;
