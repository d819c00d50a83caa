import type { ConfigVersionRepository } from '@precog/scd2-store';
import { ConfigVersionManager } from '../lifecycle/config-version-manager';
import { MODEL_CONFIG_SCHEMAS, type ModelConfig } from './model-config';

/**
 * Probability-model versions on the store (`store.models`): configs validated by
 * {@link MODEL_CONFIG_SCHEMAS}, lifecycle and one active version per name.
 */
export class ModelManager extends ConfigVersionManager<ModelConfig> {
  constructor(repo: ConfigVersionRepository, options: { activationRetries?: number } = {}) {
    super(repo, { kind: 'model', schemas: MODEL_CONFIG_SCHEMAS, ...options });
  }
}
