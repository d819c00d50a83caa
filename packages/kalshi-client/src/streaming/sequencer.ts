/** What the sequencer decided about one message. */
export type SequenceVerdict =
  /** The first message of the subscription, or the next one: apply it. */
  | 'in-order'
  /** One or more messages were skipped: the subscription's books are no longer trustworthy. */
  | 'gap'
  /** A seq already seen: drop the message. */
  | 'duplicate'
  /** A lower seq on a snapshot, or seq 1: the server restarted the sequence; apply it. */
  | 'reset';

/**
 * Tracks Kalshi's per-subscription `seq`. Each `sid` counts on its own; channels without `seq`
 * are not tracked.
 */
export class Sequencer {
  private readonly last = new Map<number, number>();

  /** Judges `seq` for `sid` and records it (except duplicates). */
  check(sid: number, seq: number, isSnapshot: boolean): SequenceVerdict {
    const last = this.last.get(sid);
    if (last === undefined || seq === last + 1) {
      this.last.set(sid, seq);
      return 'in-order';
    }
    if (seq > last + 1) {
      this.last.set(sid, seq);
      return 'gap';
    }
    if (isSnapshot || (seq === 1 && last !== 1)) {
      this.last.set(sid, seq);
      return 'reset';
    }
    return 'duplicate';
  }

  /** The last seq recorded for `sid`. */
  lastSeq(sid: number): number | undefined {
    return this.last.get(sid);
  }

  /** Forgets a subscription (unsubscribed, or its connection is gone). */
  forget(sid: number): void {
    this.last.delete(sid);
  }

  /** Forgets everything (a new connection numbers its subscriptions anew). */
  clear(): void {
    this.last.clear();
  }
}
