// `precog models list|show|create|test|activate|deprecate|draft`: probability-model versions
// and their lifecycle (the same commands as `precog strategies`, on store.models).
import { ModelManager } from '@precog/managers';
import type { Command } from 'commander';
import { registerVersionCommands } from './versions';

/** Registers `precog models ...`. */
export function register(program: Command): void {
  registerVersionCommands(
    program,
    'models',
    'model',
    (store) => new ModelManager(store.models),
    '{"type":"elo","preset":"nfl","k":20}',
  );
}
