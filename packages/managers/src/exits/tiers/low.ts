// LOW tier: early_exit, edge_disappeared, rebalance.
import { compare } from '../../internal/decimal';
import type { ExitTrigger } from '../rules';
import { type ExitTick, fire } from './tick';

/**
 * The LOW rules: the re-computed edge gone (below `edgeDisappearedBelow`) or thin (below
 * `earlyExitEdge`), the first that applies; and a better opportunity for a profitable position.
 */
export function evaluateLow(t: ExitTick, triggers: ExitTrigger[] | null): ExitTrigger[] | null {
  const { config, context, quantity, bid } = t;
  const edge = context.currentEdge ?? null;
  if (edge !== null) {
    if (config.edgeDisappearedBelow !== null && compare(edge, config.edgeDisappearedBelow) < 0) {
      triggers = fire(
        triggers,
        quantity,
        'edge_disappeared',
        `edge ${edge} below ${config.edgeDisappearedBelow}`,
      );
    } else if (config.earlyExitEdge !== null && compare(edge, config.earlyExitEdge) < 0) {
      triggers = fire(triggers, quantity, 'early_exit', `edge ${edge} below ${config.earlyExitEdge}`);
    }
  }
  if (context.betterOpportunity === true && bid !== null && compare(bid, t.entry) > 0) {
    triggers = fire(
      triggers,
      quantity,
      'rebalance',
      'a better opportunity exists and the position is in profit',
    );
  }
  return triggers;
}
