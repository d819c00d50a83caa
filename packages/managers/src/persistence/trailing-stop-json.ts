import Decimal from 'decimal.js';
import { z } from 'zod';
import { TradingConfigError } from '../errors';
import { type TrailingStopState, validateTrailingStopConfig } from '../exits/trailing-stop';

/**
 * A trailing stop as stored in `positions.trailing_stop_state` (JSONB): the reference design's
 * shape, which the `positions_urgent_monitoring` view reads (`active`, `current_stop_price`).
 * Decimals are strings, times ISO-8601 UTC.
 */
export interface TrailingStopStateJson {
  active: boolean;
  activated_at: string | null;
  activation_price: string | null;
  peak_price: string | null;
  peak_timestamp: string | null;
  current_stop_price: string | null;
  current_distance: string | null;
  entry_price: string;
  config_snapshot: {
    activation_threshold: string;
    distance_kind: 'percent' | 'price' | 'ticks';
    initial_distance: string;
    tightening_rate: string | null;
    tightening_every: string | null;
    floor_distance: string | null;
  };
}

const str = (d: Decimal | null): string | null => (d === null ? null : d.toString());
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Serialises a trailing-stop state for storage (exact decimal strings). */
export function trailingStopStateToJson(state: TrailingStopState): TrailingStopStateJson {
  const { config } = state;
  const t = config.tightening ?? null;
  return {
    active: state.active,
    activated_at: iso(state.activatedAt),
    activation_price: str(state.activationPrice),
    peak_price: str(state.peakPrice),
    peak_timestamp: iso(state.peakTimestamp),
    current_stop_price: str(state.currentStopPrice),
    current_distance: str(state.currentDistance),
    entry_price: state.entryPrice.toString(),
    config_snapshot: {
      activation_threshold: config.activationThreshold.toString(),
      distance_kind: config.distance.kind,
      initial_distance: String(config.distance.value),
      tightening_rate: t === null ? null : t.rate.toString(),
      tightening_every: t === null ? null : t.every.toString(),
      floor_distance: t === null ? null : t.floor.toString(),
    },
  };
}

const dec = z.string().regex(/^-?\d+(\.\d+)?$/);
const time = z.iso.datetime();
const jsonSchema = z.object({
  active: z.boolean(),
  activated_at: time.nullable(),
  activation_price: dec.nullable(),
  peak_price: dec.nullable(),
  peak_timestamp: time.nullable(),
  current_stop_price: dec.nullable(),
  current_distance: dec.nullable(),
  entry_price: dec,
  config_snapshot: z.object({
    activation_threshold: dec,
    distance_kind: z.enum(['percent', 'price', 'ticks']),
    initial_distance: dec,
    tightening_rate: dec.nullable(),
    tightening_every: dec.nullable(),
    floor_distance: dec.nullable(),
  }),
});

/**
 * Reads a stored trailing-stop state back. Throws {@link TradingConfigError} (option
 * `trailing_stop_state`) when the JSON does not have the stored shape or its config is invalid.
 */
export function trailingStopStateFromJson(json: unknown): TrailingStopState {
  const parsed = jsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new TradingConfigError(
      `trailing_stop_state is not a stored trailing stop: ${where}: ${issue?.message}`,
      'trailing_stop_state',
      { cause: parsed.error },
    );
  }
  const j = parsed.data;
  const c = j.config_snapshot;
  const d = (v: string | null) => (v === null ? null : new Decimal(v));
  const ms = (v: string | null) => (v === null ? null : Date.parse(v));
  const distance =
    c.distance_kind === 'ticks'
      ? ({ kind: 'ticks', value: Number(c.initial_distance) } as const)
      : ({ kind: c.distance_kind, value: new Decimal(c.initial_distance) } as const);
  const tightening =
    c.tightening_rate === null || c.tightening_every === null || c.floor_distance === null
      ? null
      : {
          rate: new Decimal(c.tightening_rate),
          every: new Decimal(c.tightening_every),
          floor: new Decimal(c.floor_distance),
        };
  const config = validateTrailingStopConfig({
    activationThreshold: new Decimal(c.activation_threshold),
    distance,
    tightening,
  });
  return {
    active: j.active,
    entryPrice: new Decimal(j.entry_price),
    activatedAt: ms(j.activated_at),
    activationPrice: d(j.activation_price),
    peakPrice: d(j.peak_price),
    peakTimestamp: ms(j.peak_timestamp),
    currentStopPrice: d(j.current_stop_price),
    currentDistance: d(j.current_distance),
    config,
  };
}
