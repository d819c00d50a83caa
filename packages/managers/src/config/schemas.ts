import { createDecimalSchema } from '@precog/kalshi-client';
import { z } from 'zod';
import type { MinEdgeConfig } from '../edge/min-edge';
import { DEFAULT_EXIT_CONFIG, type ExitConfig, type PartialExitStage } from '../exits/rules';
import { type TrailingStopConfig, validateTrailingStopConfig } from '../exits/trailing-stop';
import { type CircuitBreakerConfig, DEFAULT_CIRCUIT_BREAKER_CONFIG } from '../risk/circuit-breakers';
import type { SizingConfig } from '../sizing/kelly';

/**
 * A decimal in configuration: a string such as `"0.05"` (exact), or a JSON/YAML number, which is
 * read through its shortest text (`0.05` → `"0.05"`), never through float arithmetic.
 */
export const decimalSchema = createDecimalSchema({ message: 'expected a decimal number such as "0.05"' });

const nonNegative = decimalSchema.refine((d) => !d.isNegative(), 'must be zero or more');
const positive = decimalSchema.refine((d) => d.gt(0), 'must be positive');
const fraction = decimalSchema.refine((d) => d.gte(0) && d.lte(1), 'must be between 0 and 1');
const durationMs = z.number().int().nonnegative();

/** Trailing-stop settings as stored in a strategy config. */
export const trailingStopConfigSchema = z
  .object({
    activationThreshold: nonNegative,
    distance: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('percent'), value: positive }),
      z.object({ kind: z.literal('price'), value: positive }),
      z.object({ kind: z.literal('ticks'), value: z.number().int().min(1) }),
    ]),
    tightening: z.object({ rate: nonNegative, every: positive, floor: positive }).nullable().optional(),
  })
  .transform((value, ctx): TrailingStopConfig => {
    const config: TrailingStopConfig = {
      activationThreshold: value.activationThreshold,
      distance: value.distance,
      tightening: value.tightening ?? null,
    };
    try {
      return validateTrailingStopConfig(config);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const partialStageSchema = z.object({
  name: z.string().min(1),
  profitThreshold: nonNegative,
  exitFraction: fraction,
});

/** Exit rules as stored in a strategy config; absent keys take {@link DEFAULT_EXIT_CONFIG}, null turns a rule off. */
export const exitConfigSchema = z
  .object({
    stopLossPct: fraction.nullable(),
    profitTargetPct: positive.nullable(),
    urgentBeforeCloseMs: durationMs.nullable(),
    losingBeforeCloseMs: durationMs.nullable(),
    losingPnlPct: fraction,
    maxHoldMs: durationMs.nullable(),
    maxSpread: nonNegative.nullable(),
    minVolume: nonNegative.nullable(),
    partialExits: z.array(partialStageSchema),
    contractIncrement: positive,
    earlyExitEdge: decimalSchema.nullable(),
    edgeDisappearedBelow: decimalSchema.nullable(),
    maxSnapshotAgeMs: durationMs.nullable(),
  })
  .partial()
  .strict()
  .transform((value): ExitConfig => {
    const config: ExitConfig = { ...DEFAULT_EXIT_CONFIG };
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined) (config as unknown as Record<string, unknown>)[key] = v;
    }
    config.partialExits = (value.partialExits ?? DEFAULT_EXIT_CONFIG.partialExits) as PartialExitStage[];
    return config;
  });

/** Sizing limits as stored in a strategy config (every key optional, defaults in `sizePosition`). */
export const sizingConfigSchema = z
  .object({
    kellyFraction: positive.refine((d) => d.lte(1), 'must be at most 1'),
    maxPositionPct: positive,
    maxPositionDollars: positive,
    minPositionDollars: nonNegative,
    maxContracts: positive.nullable(),
    minContracts: nonNegative,
    maxTotalExposure: nonNegative,
    contractIncrement: positive,
  })
  .partial()
  .strict()
  .transform((value): SizingConfig => value);

/** Minimum-edge thresholds as stored in configuration. */
export const minEdgeConfigSchema = z
  .object({
    global: decimalSchema,
    strategy: decimalSchema.nullable(),
    byLeague: z.record(z.string(), decimalSchema),
    bySeries: z.record(z.string(), decimalSchema),
    byMarket: z.record(z.string(), decimalSchema),
  })
  .partial()
  .strict()
  .transform((value): MinEdgeConfig => value);

/** Circuit-breaker thresholds; absent keys take {@link DEFAULT_CIRCUIT_BREAKER_CONFIG}. */
export const circuitBreakerConfigSchema = z
  .object({
    dailyLossLimit: positive,
    maxConsecutiveLosses: z.number().int().min(1),
    apiErrorLimit: z.number().int().min(1),
    apiErrorWindowMs: z.number().int().positive(),
    apiCooldownMs: durationMs,
  })
  .partial()
  .strict()
  .transform((value): CircuitBreakerConfig => {
    const config: CircuitBreakerConfig = { ...DEFAULT_CIRCUIT_BREAKER_CONFIG };
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined) (config as unknown as Record<string, unknown>)[key] = v;
    }
    return config;
  });
