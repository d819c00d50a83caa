import Decimal from 'decimal.js';
import { z } from 'zod';
import {
  circuitBreakerConfigSchema,
  decimalSchema,
  exitConfigSchema,
  minEdgeConfigSchema,
  sizingConfigSchema,
  trailingStopConfigSchema,
} from '../config/schemas';
import type { MinEdgeConfig } from '../edge/min-edge';
import { DEFAULT_EXIT_CONFIG, type ExitConfig } from '../exits/rules';
import type { TrailingStopConfig } from '../exits/trailing-stop';
import { type CircuitBreakerConfig, DEFAULT_CIRCUIT_BREAKER_CONFIG } from '../risk/circuit-breakers';
import type { SizingConfig } from '../sizing/kelly';

/** A parsed `edge_kelly` strategy: buy the side whose edge beats the threshold, Kelly-sized; exit by the rules. */
export interface EdgeKellyStrategyConfig {
  type: 'edge_kelly';
  /** League code the strategy trades (`nfl`), for per-league minimum edges. Default null. */
  league: string | null;
  /** Shrink of the model probability toward 0.5, in [0, 1]. Default 0. */
  shrink: Decimal;
  minEdge: MinEdgeConfig;
  sizing: SizingConfig;
  exits: ExitConfig;
  /** Trailing stop armed on every entry; null for none. */
  trailingStop: TrailingStopConfig | null;
  circuitBreakers: CircuitBreakerConfig;
}

/** The parsed config of any strategy type (one type so far). */
export type StrategyConfig = EdgeKellyStrategyConfig;

/**
 * Schema of `type: "edge_kelly"` strategy configs. Decimals are strings (`"0.05"`) or numbers
 * read through their text. Absent sections take the package defaults. Unknown keys are refused.
 */
export const edgeKellyStrategySchema = z
  .object({
    type: z.literal('edge_kelly'),
    league: z.string().min(1).nullable().optional(),
    shrink: decimalSchema.refine((d) => d.gte(0) && d.lte(1), 'must be between 0 and 1').optional(),
    minEdge: minEdgeConfigSchema.optional(),
    sizing: sizingConfigSchema.optional(),
    exits: exitConfigSchema.optional(),
    trailingStop: trailingStopConfigSchema.nullable().optional(),
    circuitBreakers: circuitBreakerConfigSchema.optional(),
  })
  .strict()
  .transform(
    (value): EdgeKellyStrategyConfig => ({
      type: 'edge_kelly',
      league: value.league ?? null,
      shrink: value.shrink ?? new Decimal(0),
      minEdge: value.minEdge ?? {},
      sizing: value.sizing ?? {},
      exits: value.exits ?? { ...DEFAULT_EXIT_CONFIG },
      trailingStop: value.trailingStop ?? null,
      circuitBreakers: value.circuitBreakers ?? { ...DEFAULT_CIRCUIT_BREAKER_CONFIG },
    }),
  );

/** Schemas of every strategy config type, by `type`. */
export const STRATEGY_CONFIG_SCHEMAS = Object.freeze({ edge_kelly: edgeKellyStrategySchema });
