import { dataSourcesSchema } from './data-sources';
import { marketsSchema } from './markets';
import { positionManagementSchema } from './position-management';
import { probabilityModelsSchema } from './probability-models';
import { systemSchema } from './system';
import { tradeStrategiesSchema } from './trade-strategies';
import { tradingSchema } from './trading';

/**
 * The seven configuration files, by section name. Each file `<name>.yaml` becomes
 * `config.<name>`, so key paths in errors read exactly like the YAML (`trading.account.…`).
 */
export const sectionSchemas = {
  system: systemSchema,
  trading: tradingSchema,
  trade_strategies: tradeStrategiesSchema,
  position_management: positionManagementSchema,
  probability_models: probabilityModelsSchema,
  markets: marketsSchema,
  data_sources: dataSourcesSchema,
} as const;

/** A configuration file's section name, e.g. `trade_strategies`. */
export type SectionName = keyof typeof sectionSchemas;

/** The seven section names, in load order. */
export const SECTION_NAMES = Object.keys(sectionSchemas) as SectionName[];
