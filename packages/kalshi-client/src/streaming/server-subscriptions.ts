import type { BookSync } from './book-sync';
import { KalshiStreamCommandError, KalshiStreamError } from './errors';
import type { CommandReply } from './parse';
import type { Subscription } from './subscription';

/** Sends one command and resolves with its reply (see `PendingCommands.send`). */
export type SendCommand = (
  cmd: string,
  params: Record<string, unknown> | undefined,
  onReply?: (reply: CommandReply) => void,
) => Promise<CommandReply>;

/**
 * The subscriptions of a stream and their sids on the server: subscribe, unsubscribe, update
 * markets, and resync stale books. Internal to {@link KalshiStream}; not exported from the package.
 */
export class ServerSubscriptions {
  /** Every live subscription (made again after a reconnect). */
  readonly all = new Set<Subscription>();
  private readonly bySid = new Map<number, Subscription>();
  private readonly resyncing = new Set<number>();

  constructor(
    private readonly sync: BookSync,
    private readonly command: SendCommand,
    private readonly isConnected: () => boolean,
  ) {}

  /** The subscription of a sid, if any. */
  get(sid: number): Subscription | undefined {
    return this.bySid.get(sid);
  }

  /** The connection was lost: every sid is void. */
  clearSids(): void {
    this.bySid.clear();
    this.resyncing.clear();
  }

  /** Sends `subscribe` and records the sid the reply carries. */
  async subscribeOnServer(sub: Subscription): Promise<void> {
    const params: Record<string, unknown> = { ...(sub.params.extra ?? {}), channels: [sub.channel] };
    if (sub.marketTickers.size > 0) params.market_tickers = [...sub.marketTickers];
    const fresh = sub.sid !== undefined;
    // The sid is registered as the reply is read: the snapshot right behind it must find it.
    await this.command('subscribe', params, (reply) => {
      const sid = (reply.msg as { sid?: number } | undefined)?.sid ?? reply.sid;
      if (typeof sid !== 'number') return;
      sub.sid = sid;
      this.bySid.set(sid, sub);
      if (sub.channel === 'orderbook_delta') this.sync.register(sid, sub.marketTickers);
    });
    if (sub.sid === undefined || !this.bySid.has(sub.sid))
      throw new KalshiStreamError('subscribe: the reply carried no sid');
    if (fresh) sub.notify('resubscribed', { sid: sub.sid });
  }

  /** Forgets a subscription; sends `unsubscribe` when connected. */
  async unsubscribe(sub: Subscription): Promise<void> {
    this.all.delete(sub);
    if (sub.sid === undefined) return;
    this.bySid.delete(sub.sid);
    this.sync.forget(sub.sid);
    if (this.isConnected()) await this.command('unsubscribe', { sids: [sub.sid] });
  }

  /** `update_subscription` (`add_markets` / `delete_markets`). */
  async update(sub: Subscription, action: string, tickers: string[]): Promise<void> {
    if (sub.sid === undefined) throw new KalshiStreamError('the subscription has no sid yet');
    await this.command('update_subscription', { sids: [sub.sid], market_tickers: tickers, action });
    if (action === 'add_markets' && sub.channel === 'orderbook_delta') this.sync.register(sub.sid, tickers);
  }

  /** Asks for snapshots of stale books of a sid: `get_snapshot`, or a resubscribe when the server refuses it. */
  async resync(sub: Subscription, tickers: string[]): Promise<void> {
    const sid = sub.sid;
    if (sid === undefined || this.resyncing.has(sid)) return;
    this.resyncing.add(sid);
    try {
      await this.command('update_subscription', {
        sids: [sid],
        market_tickers: tickers,
        action: 'get_snapshot',
      });
    } catch (error) {
      if (!KalshiStreamCommandError.isInstance(error)) throw error;
      this.bySid.delete(sid);
      this.sync.forget(sid);
      await this.command('unsubscribe', { sids: [sid] }).catch(() => undefined);
      await this.subscribeOnServer(sub);
    } finally {
      this.resyncing.delete(sid);
    }
  }
}
