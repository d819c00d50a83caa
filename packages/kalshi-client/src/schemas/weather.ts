import { z } from 'zod';
import { decimal, optional, unixMillis } from '../internal/zod';

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);

/**
 * One member station's reading behind an index point (`detailed=true` only):
 * `{"station_id":"KMIA1M","code":"ok","source":"hf_asos","temp_f":84.27,"received_at_ms":1796400061000}`
 */
export const weatherStationReadingSchema = z.object({
  station_id: z.string(),
  code: z.string(),
  source: optional(z.string()),
  temp_f: optional(decimal),
  obs_time_ms: optional(unixMillis),
  received_at_ms: optional(unixMillis),
  primary_code: optional(z.string()),
});
export type WeatherStationReading = z.output<typeof weatherStationReadingSchema>;

/**
 * One minute of a city's temperature index: `t` the minute, `v` Fahrenheit to 0.01 as an exact
 * Decimal (absent on `incomplete` points):
 * `{"t":1796400000000,"v":84.31,"status":"normal","contributors":3}`
 */
export const weatherIndexPointSchema = z.object({
  t: unixMillis,
  v: optional(decimal),
  status: z.string(),
  contributors: optional(z.number()),
  receipt_basis: optional(z.string()),
  stations: list(weatherStationReadingSchema),
});
export type WeatherIndexPoint = z.output<typeof weatherIndexPointSchema>;

/**
 * `GET /live_data/weather/{city}`:
 * `{"city":"miami","config_version":"miami-temperature-v1.0","units":"fahrenheit","timeseries":[...]}`
 */
export const weatherIndexSchema = z.object({
  city: z.string(),
  config_version: optional(z.string()),
  units: z.string(),
  timeseries: list(weatherIndexPointSchema),
});
export type WeatherIndex = z.output<typeof weatherIndexSchema>;

/** A station of a calibration record: `{"station_id":"KMIA1M","weight":0.5,"offset_c":-0.12}` */
export const weatherCalibrationStationSchema = z.object({
  station_id: z.string(),
  weight: decimal,
  offset_c: decimal,
  update_note: optional(z.string()),
});
export type WeatherCalibrationStation = z.output<typeof weatherCalibrationStationSchema>;

/**
 * One configuration record, in force from `effective_at_ms` until the next one:
 * `{"config_version":"miami-temperature-v1.0-cal-20260831","published_at_ms":1788220800000,
 *   "effective_at_ms":1788224400000,"change_reason":"weekly calibration",
 *   "calibration_window_start_ms":1787616000000,"calibration_window_end_ms":1788220800000,
 *   "city_reference_c":0.035,"stations":[...]}`
 * Offsets and the city reference are Celsius, exact Decimals (they reproduce published values).
 */
export const weatherCalibrationSchema = z.object({
  config_version: z.string(),
  published_at_ms: optional(unixMillis),
  effective_at_ms: unixMillis,
  change_reason: optional(z.string()),
  calibration_window_start_ms: optional(unixMillis),
  calibration_window_end_ms: optional(unixMillis),
  city_reference_c: decimal,
  stations: list(weatherCalibrationStationSchema),
});
export type WeatherCalibration = z.output<typeof weatherCalibrationSchema>;

/** `GET /live_data/weather/{city}/calibrations`: `{"city":"miami","units":"celsius","calibrations":[...]}` */
export const weatherCalibrationsSchema = z.object({
  city: z.string(),
  units: z.string(),
  calibrations: list(weatherCalibrationSchema),
});
export type WeatherCalibrations = z.output<typeof weatherCalibrationsSchema>;
