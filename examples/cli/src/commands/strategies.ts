// `precog strategies list|show|create|test|activate|deprecate|draft`: strategy versions and
// their lifecycle (the commands are in versions.ts, shared with `precog models`).
import { StrategyManager } from '@precog/managers';
import type { Command } from 'commander';
import { registerVersionCommands } from './versions';

/** Registers `precog strategies ...`. */
export function register(program: Command): void {
  registerVersionCommands(
    program,
    'strategies',
    'strategy',
    (store) => new StrategyManager(store.strategies),
    '{"type":"edge_kelly","league":"nfl","minEdge":{"global":"0.05"}}',
  );
}
