import type { Store, UpsertResult } from '@precog/scd2-store';
import type { PositionMark } from '../positions/mark';
import { type Fill, openPosition, type Position, type PositionScope } from '../positions/position';
import { type SettlementOutcome, settlePosition } from '../positions/settle';
import { applyFillThroughZero } from '../positions/through-zero';
import type { EpochMs } from '../types';
import {
  type PositionAttribution,
  type PositionExitSummary,
  positionFromRow,
  positionToRow,
  type StoredPosition,
} from './stored-position';

/** Options of {@link PositionManager}. */
export interface PositionManagerOptions {
  /** Clock for `last_check_time`, epoch ms. Default `Date.now`. */
  clock?: { now(): EpochMs };
  /** Platform and subaccount of new positions. Default `kalshi`, 0. */
  scope?: PositionScope;
}

/** What {@link PositionManager.save} stores for one position. */
export interface SavePositionParams extends Partial<PositionAttribution> {
  position: Position;
  /** The mark to store with it (`markPosition` at the same tick); absent stores no bid. */
  mark?: Pick<PositionMark, 'bid' | 'unrealizedPnl' | 'pnlPct'> | null;
  exit?: PositionExitSummary | null;
}

/** A row whose side is known (every row but a flat record of a market never seen held). */
const hasSide = (row: { side: string | null }) => row.side !== null;

const NO_ATTRIBUTION: PositionAttribution = {
  strategyId: null,
  modelId: null,
  trailingStop: null,
  stopLossPrice: null,
  targetPrice: null,
  initialOrderId: null,
  partialStagesDone: [],
};

/**
 * Positions on the store: each change of a fill-built position (a fill, a stop that moves, an
 * exit) is a new SCD2 version under the position's stable `position_key`, carrying the strategy
 * and model versions that opened it, its stops and trailing state. Reading gives back the exact
 * Decimals that were saved.
 */
export class PositionManager {
  private readonly store: Store;
  private readonly clock: { now(): EpochMs };
  private readonly scope: PositionScope;

  constructor(store: Store, options: PositionManagerOptions = {}) {
    this.store = store;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.scope = options.scope ?? {};
  }

  /**
   * Stores a new version of the position when anything tracked changed (an unchanged position
   * writes nothing). Attribution fields not given are kept from the current version.
   */
  async save(params: SavePositionParams): Promise<{ stored: StoredPosition; result: UpsertResult }> {
    const current = await this.get(params.position.positionKey);
    const base: PositionAttribution = current ?? NO_ATTRIBUTION;
    const pick = <K extends keyof PositionAttribution>(key: K): PositionAttribution[K] =>
      params[key] === undefined ? base[key] : (params[key] as PositionAttribution[K]);
    const stored: Omit<StoredPosition, 'version'> = {
      position: params.position,
      strategyId: pick('strategyId'),
      modelId: pick('modelId'),
      trailingStop: pick('trailingStop'),
      stopLossPrice: pick('stopLossPrice'),
      targetPrice: pick('targetPrice'),
      initialOrderId: pick('initialOrderId'),
      partialStagesDone: pick('partialStagesDone'),
      mark: params.mark ?? null,
      exit: params.exit === undefined ? (current?.exit ?? null) : params.exit,
    };
    const result = await this.store.positions.upsertVersions([
      positionToRow(stored, new Date(this.clock.now())),
    ]);
    const saved = await this.get(params.position.positionKey);
    return { stored: saved!, result };
  }

  /**
   * Applies the fills of one market in exchange order to its current open position (or opens
   * one from zero) and saves the result. A fill that crosses zero (5 YES held, 8 NO bought)
   * closes the held position (saved first, keeping its attribution) and opens the other side
   * with the rest (3 NO), which gets `attribution`. Returns the market's position after the
   * last fill, or undefined when `fills` is empty.
   */
  async applyFills(
    fills: readonly Fill[],
    attribution: Partial<PositionAttribution> & { mark?: SavePositionParams['mark'] } = {},
  ): Promise<StoredPosition | undefined> {
    const first = fills[0];
    if (first === undefined) return undefined;
    const open = (await this.open({ ticker: first.ticker }))[0];
    let position = open?.position;
    // A position that ends inside the batch is saved before the next one opens (the store
    // keeps one open position per market): with no attribution when it was the stored one
    // (it keeps its own), with `attribution` when it opened inside the batch.
    const finish = async (done: Position) => {
      const own = done.positionKey === open?.position.positionKey;
      await this.save(own ? { position: done } : { ...attribution, position: done });
    };
    for (const fill of fills) {
      if (position === undefined || position.status !== 'open') {
        if (position !== undefined) await finish(position);
        position = openPosition(fill, this.scope);
        continue;
      }
      const step = applyFillThroughZero(position, fill, {
        platform: position.platform,
        subaccount: position.subaccount,
      });
      if (step.opened !== null) await finish(step.position);
      position = step.opened ?? step.position;
    }
    return (await this.save({ ...attribution, position: position! })).stored;
  }

  /**
   * Settles the open position of the settled market (see `settlePosition`): a `settled`
   * version, quantity 0, its net realized P&L including the payout and every fee. Returns the
   * settled position, or undefined when no position of that market (and subaccount) is open —
   * so applying the same settlement twice changes nothing.
   */
  async settle(outcome: SettlementOutcome & { subaccount?: number }): Promise<StoredPosition | undefined> {
    const open = (await this.open({ ticker: outcome.ticker })).filter(
      (p) => outcome.subaccount === undefined || p.position.subaccount === outcome.subaccount,
    );
    const current = open[0];
    if (current === undefined) return undefined;
    // A position opened after the market settled cannot be this settlement's.
    if (current.position.openedAt > outcome.settledAt) return undefined;
    return (await this.save({ position: settlePosition(current.position, outcome) })).stored;
  }

  /** The current version of a position, or undefined (also for a record without a side, see {@link all}). */
  async get(positionKey: string): Promise<StoredPosition | undefined> {
    const rows = (await this.store.positions.current({ positionKey })).filter(hasSide);
    return rows[0] === undefined ? undefined : positionFromRow(rows[0]);
  }

  /** Current open positions, optionally of one market. */
  async open(filter: { ticker?: string } = {}): Promise<StoredPosition[]> {
    const rows = await this.store.positions.current({ status: 'open', ...filter });
    return rows.map(positionFromRow);
  }

  /**
   * Current versions of every position (open and closed). Rows without a side are left out: flat
   * records the sync stored for markets it never saw held (an account's past, archived positions);
   * they keep the exchange's figures in the table but are no position to manage.
   */
  async all(): Promise<StoredPosition[]> {
    return (await this.store.positions.current()).filter(hasSide).map(positionFromRow);
  }

  /** Every version of one position, oldest first (none for a record without a side). */
  async history(positionKey: string): Promise<StoredPosition[]> {
    return (await this.store.positions.history({ positionKey })).filter(hasSide).map(positionFromRow);
  }
}
