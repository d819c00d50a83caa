import {
  type Clock,
  type FillUpdate,
  systemClock,
  type TimerHandle,
  TypedEmitter,
} from '@precog/kalshi-client';
import type { MarketInput, UpsertResult } from '@precog/scd2-store';
import { type Logger, silentLogger } from '../logger';
import type { RowScope } from '../sync/mapping';
import { LagHistogram } from './lag';
import { loadRecordedMarkets } from './load-markets';
import { applyPrices, changes, pricesOfBook, pricesOfTicker, type StreamedPrices } from './market-state';
import {
  checkOptions,
  MarketRecorderError,
  type MarketRecorderOptions,
  type MarketRecorderSummary,
} from './options';
import { type ReconcileResult, reconcileAccount } from './reconcile';
import { storeStreamFills } from './stream-fills';

/** Events of a {@link MarketRecorder}. */
export interface MarketRecorderEvents {
  /** A batch was committed: its rows, what `upsertVersions` did, and when. */
  flush: { rows: number; updates: number; result: UpsertResult; committedAt: Date; writeMs: number };
  /** Streamed fills were stored. */
  fills: { seen: number; inserted: number; duplicates: number; corrected: number; invalid: number };
  /** A REST reconcile of fills and positions finished (after a reconnect). */
  reconciled: ReconcileResult;
  /** A batch, a fill write or a reconcile failed (the recorder goes on; the rows are kept). */
  error: Error;
}

interface Pending {
  updates: number;
  /** Exchange (or receipt) time of each update merged into the row, for the lag. */
  times: number[];
}

/**
 * Records the stream into the store: `ticker` messages and the top of the local books become SCD2
 * versions of `markets`, written in micro-batches through `upsertVersions` — a batch when
 * `flushIntervalMs` passed since the first unwritten change, or as soon as `maxBatchSize` markets
 * changed. Updates of one market between two batches are coalesced (its latest row is written);
 * an update that changes nothing writes nothing. With `fills`, the account's fills are stored as
 * trades through the REST sync's path, and a reconnect runs a REST reconcile of fills and
 * positions. Create with {@link createMarketRecorder}; `start()`, then `stop()` (flushes).
 */
export class MarketRecorder extends TypedEmitter<MarketRecorderEvents> {
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly scope: RowScope;
  private readonly rows = new Map<string, MarketInput>();
  private pending = new Map<string, Pending>();
  private readonly subs: Array<{ unsubscribe(): Promise<void>; readonly dropped: number }> = [];
  private readonly detach: Array<() => void> = [];
  private readonly lag = new LagHistogram();
  private timer: TimerHandle | undefined;
  private fullBatchQueued = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly background = new Set<Promise<unknown>>();
  /** Fill writes, one after the other (a burst of fills never opens a burst of connections). */
  private fillWrites: Promise<unknown> = Promise.resolve();
  private state: 'new' | 'running' | 'stopped' = 'new';
  private readonly counts: Omit<MarketRecorderSummary, 'markets' | 'lag' | 'dropped' | 'fills'> = {
    seeded: 0,
    updates: 0,
    identical: 0,
    coalesced: 0,
    staleSkipped: 0,
    versions: 0,
    batches: 0,
    failedBatches: 0,
    reconciles: 0,
  };
  private readonly fillCounts = { seen: 0, inserted: 0, duplicates: 0, corrected: 0, invalid: 0 };

  constructor(private readonly options: MarketRecorderOptions) {
    super();
    checkOptions(options);
    this.clock = options.clock ?? systemClock;
    this.log = options.logger ?? silentLogger;
    this.scope = { platformId: options.platformId ?? 'kalshi', subaccount: options.subaccount ?? 0 };
  }

  /** The markets being recorded (known after `start()`). */
  get tickers(): string[] {
    return [...this.rows.keys()];
  }

  /**
   * Resolves the markets, writes their baseline versions (REST snapshot, when there is a client),
   * then subscribes. Rejects with {@link MarketRecorderError} when a market cannot be found.
   */
  async start(): Promise<void> {
    if (this.state !== 'new')
      throw new MarketRecorderError('market recorder: start() was already called', 'start');
    this.state = 'running';
    const { rows, seeded } = await loadRecordedMarkets(this.options, this.scope);
    for (const [ticker, row] of rows) this.rows.set(ticker, row);
    this.counts.seeded += seeded;
    const tickers = this.tickers;
    const { stream } = this.options;
    if (this.options.ticker !== false) {
      const sub = await stream.subscribe({ channel: 'ticker', marketTickers: tickers });
      this.watch(
        sub,
        sub.on('message', (m) => this.onTicker(m.msg)),
      );
    }
    if (this.options.orderbook !== false) {
      const sub = await stream.subscribe({ channel: 'orderbook_delta', marketTickers: tickers });
      this.watch(
        sub,
        sub.on('message', (m) => {
          const ticker = m.type === 'orderbook_delta' ? m.ticker : m.msg.market_ticker;
          this.onBook(ticker, m.type === 'orderbook_delta' ? m.tsMs : undefined);
        }),
      );
    }
    if (this.options.fills) {
      const sub = await stream.subscribe({ channel: 'fill' });
      this.watch(
        sub,
        sub.on('message', (m) => this.onFill(m.msg)),
      );
      this.watch(
        undefined,
        stream.on('reconcile', (r) => this.track(this.reconcile(r.since))),
      );
    }
  }

  /** Writes every unwritten change now (also waits for a batch in flight). */
  async flush(): Promise<void> {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.writeBatch());
    await this.writing;
  }

  /** Unsubscribes, waits for fill writes and reconciles in flight, writes what is left. Idempotent. */
  async stop(): Promise<MarketRecorderSummary> {
    if (this.state === 'running') {
      this.state = 'stopped';
      for (const off of this.detach) off();
      await Promise.all(this.subs.map((s) => s.unsubscribe().catch(() => undefined)));
      while (this.background.size > 0) await Promise.all([...this.background]);
      await this.flush();
    }
    this.state = 'stopped';
    return this.summary();
  }

  /** Counts so far. */
  summary(): MarketRecorderSummary {
    return {
      markets: this.rows.size,
      ...this.counts,
      dropped: this.subs.reduce((n, s) => n + s.dropped, 0),
      fills: { ...this.fillCounts },
      lag: this.lag.summary(),
    };
  }

  // ── markets ─────────────────────────────────────────────────────────────────────────────

  private onTicker(msg: Parameters<typeof pricesOfTicker>[0]): void {
    this.update(msg.market_ticker, pricesOfTicker(msg), msg.time?.getTime());
  }

  private onBook(ticker: string, exchangeMs: number | undefined): void {
    const book = this.options.stream.books.get(ticker);
    if (!book || !this.rows.has(ticker)) return;
    if (book.stale) {
      this.counts.updates++;
      this.counts.staleSkipped++;
      return;
    }
    this.update(ticker, pricesOfBook(book), exchangeMs);
  }

  /** Merges one update into the market's row; schedules (or writes) its batch when it changed something. */
  private update(ticker: string, prices: StreamedPrices, exchangeMs: number | undefined): void {
    const row = this.rows.get(ticker);
    if (!row || this.state !== 'running') return;
    this.counts.updates++;
    if (!changes(row, prices)) {
      this.counts.identical++;
      return;
    }
    this.rows.set(ticker, applyPrices(row, prices));
    const at = exchangeMs ?? this.clock.now();
    const entry = this.pending.get(ticker);
    if (entry) {
      entry.updates++;
      entry.times.push(at);
      this.counts.coalesced++;
    } else this.pending.set(ticker, { updates: 1, times: [at] });
    if (this.pending.size >= (this.options.maxBatchSize ?? 500)) {
      // One early batch queued at a time, however many updates arrive while it waits.
      if (!this.fullBatchQueued) {
        this.fullBatchQueued = true;
        void this.flush().catch(() => undefined);
      }
    } else
      this.timer ??= this.clock.setTimeout(() => {
        this.timer = undefined;
        void this.flush().catch(() => undefined);
      }, this.options.flushIntervalMs ?? 200);
  }

  private async writeBatch(): Promise<void> {
    this.fullBatchQueued = false;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch.keys()].map((ticker) => ({
      ...(this.rows.get(ticker) as MarketInput),
      metadata: { source: 'stream' },
    }));
    const began = this.clock.now();
    try {
      const result = await this.options.store.markets.upsertVersions(rows);
      const committed = this.clock.now();
      let updates = 0;
      for (const entry of batch.values()) {
        updates += entry.updates;
        for (const t of entry.times) this.lag.record(committed - t);
      }
      this.counts.batches++;
      this.counts.versions += result.inserted + result.versioned;
      this.emit('flush', {
        rows: rows.length,
        updates,
        result,
        committedAt: new Date(committed),
        writeMs: committed - began,
      });
    } catch (error) {
      this.counts.failedBatches++;
      // Keep the rows: the next batch writes the latest state of these markets.
      for (const [ticker, entry] of batch) {
        const newer = this.pending.get(ticker);
        this.pending.set(
          ticker,
          newer ? { updates: entry.updates + newer.updates, times: [...entry.times, ...newer.times] } : entry,
        );
      }
      this.log.error(
        { err: (error as Error).message, rows: rows.length },
        'market recorder: batch failed, kept for the next one',
      );
      this.emit('error', error as Error);
      this.timer ??= this.clock.setTimeout(() => {
        this.timer = undefined;
        void this.flush().catch(() => undefined);
      }, this.options.flushIntervalMs ?? 200);
    }
  }

  // ── fills ───────────────────────────────────────────────────────────────────────────────

  private onFill(fill: FillUpdate): void {
    if (this.state !== 'running') return;
    this.fillCounts.seen++;
    const write = this.fillWrites.then(() => storeStreamFills(this.options.store, [fill], this.scope));
    this.fillWrites = write.catch(() => undefined);
    this.track(
      write.then((r) => {
        const counts = {
          seen: 1,
          inserted: r.inserted,
          duplicates: r.duplicates,
          corrected: r.corrections.length,
          invalid: r.invalid,
        };
        this.fillCounts.inserted += counts.inserted;
        this.fillCounts.duplicates += counts.duplicates;
        this.fillCounts.corrected += counts.corrected;
        this.fillCounts.invalid += counts.invalid;
        this.emit('fills', counts);
      }),
    );
  }

  private async reconcile(since: Date): Promise<void> {
    const result = await reconcileAccount(this.options, this.scope, since);
    this.counts.reconciles++;
    this.emit('reconciled', result);
  }

  /** Runs background work (a fill write, a reconcile); `stop()` waits for it, a failure is an `error` event. */
  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => {
        this.log.error({ err: (error as Error).message }, 'market recorder: background write failed');
        this.emit('error', error as Error);
      })
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private watch(
    sub: { unsubscribe(): Promise<void>; readonly dropped: number } | undefined,
    off: () => void,
  ): void {
    if (sub && !this.subs.includes(sub)) this.subs.push(sub);
    this.detach.push(off);
  }
}

/** Creates a {@link MarketRecorder} (options checked now; `start()` to begin). */
export function createMarketRecorder(options: MarketRecorderOptions): MarketRecorder {
  return new MarketRecorder(options);
}
