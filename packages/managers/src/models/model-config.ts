import { type EloParams, elo538, nfl } from '@precog/elo';
import { z } from 'zod';

/** A parsed `elo` model: the Elo parameters and the probability shrink applied before pricing. */
export interface EloModelConfig {
  type: 'elo';
  /** Sport the ratings belong to (`nfl`). Default `nfl`. */
  sport: string;
  /** The preset the parameters start from: `nfl` (default) or `538`. */
  preset: 'nfl' | '538';
  /** The full parameter set (preset with the overrides of the config). */
  params: EloParams;
}

/** The parsed config of any model type (one type so far). */
export type ModelConfig = EloModelConfig;

const regressionSchema = z.union([
  z.literal('none'),
  z.object({ fraction: z.number().min(0).max(1), mean: z.number().positive() }).strict(),
]);

/**
 * Schema of `type: "elo"` model configs: `{ type: 'elo', preset?: 'nfl' | '538', sport?, k?,
 * homeAdvantage?, scale?, marginOfVictory?: '538' | 'none', seasonRegression?: { fraction, mean } | 'none' }`.
 * Elo parameters are floats by design (see @precog/elo).
 */
export const eloModelSchema = z
  .object({
    type: z.literal('elo'),
    sport: z.string().min(1).optional(),
    preset: z.enum(['nfl', '538']).optional(),
    k: z.number().positive().max(100).optional(),
    homeAdvantage: z.number().min(0).max(400).optional(),
    scale: z.number().positive().optional(),
    marginOfVictory: z.enum(['538', 'none']).optional(),
    seasonRegression: regressionSchema.optional(),
  })
  .strict()
  .transform((value): EloModelConfig => {
    const preset = value.preset ?? 'nfl';
    const base = preset === 'nfl' ? nfl : elo538;
    const params: EloParams = { ...base };
    if (value.k !== undefined) params.k = value.k;
    if (value.homeAdvantage !== undefined) params.homeAdvantage = value.homeAdvantage;
    if (value.scale !== undefined) params.scale = value.scale;
    if (value.marginOfVictory !== undefined) params.marginOfVictory = value.marginOfVictory;
    if (value.seasonRegression !== undefined) params.seasonRegression = value.seasonRegression;
    return { type: 'elo', sport: value.sport ?? 'nfl', preset, params };
  });

/** Schemas of every model config type, by `type`. */
export const MODEL_CONFIG_SCHEMAS = Object.freeze({ elo: eloModelSchema });
