import type { ConfigVersionRepository } from '@precog/scd2-store';
import { ConfigVersionManager } from '../lifecycle/config-version-manager';
import { STRATEGY_CONFIG_SCHEMAS, type StrategyConfig } from './strategy-config';

/**
 * Strategy versions on the store (`store.strategies`): configs validated by
 * {@link STRATEGY_CONFIG_SCHEMAS}, lifecycle and one active version per name.
 *
 * @example
 * const strategies = new StrategyManager(store.strategies);
 * const v1 = await strategies.create({ name: 'nfl-edge', version: '1.0.0', config: { type: 'edge_kelly' } });
 * await strategies.startTesting(v1.id, { actor: 'alice' });
 * await strategies.activate(v1.id, { actor: 'alice', reason: 'paper results good' });
 */
export class StrategyManager extends ConfigVersionManager<StrategyConfig> {
  constructor(repo: ConfigVersionRepository, options: { activationRetries?: number } = {}) {
    super(repo, { kind: 'strategy', schemas: STRATEGY_CONFIG_SCHEMAS, ...options });
  }
}
