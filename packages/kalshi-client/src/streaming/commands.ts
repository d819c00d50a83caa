import WebSocket from 'ws';
import type { Clock, TimerHandle } from '../core/clock';
import {
  KALSHI_WS_ERROR_CODES,
  KalshiStreamCommandError,
  KalshiStreamCommandTimeoutError,
  KalshiStreamConnectionError,
} from './errors';
import type { CommandReply } from './parse';

interface Pending {
  /** Runs synchronously with the reply, before frames that follow it (a snapshot after `subscribed`). */
  onReply: ((reply: CommandReply) => void) | undefined;
  resolve: (reply: CommandReply) => void;
  reject: (error: unknown) => void;
  timer: TimerHandle;
}

/**
 * Commands sent on the socket, matched to their replies by id. Internal to {@link KalshiStream};
 * not exported from the package.
 */
export class PendingCommands {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Sends `cmd` with the next id; resolves with its reply, rejects with a
   * {@link KalshiStreamCommandError} when the server answers `error`, or a timeout error.
   */
  send(
    socket: WebSocket | undefined,
    cmd: string,
    params: Record<string, unknown> | undefined,
    onReply?: (reply: CommandReply) => void,
  ): Promise<CommandReply> {
    if (!socket || socket.readyState !== WebSocket.OPEN)
      return Promise.reject(new KalshiStreamConnectionError(`cannot send ${cmd}: not connected`));
    const id = this.nextId++;
    return new Promise<CommandReply>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.pending.delete(id);
        reject(new KalshiStreamCommandTimeoutError(`no reply to ${cmd} (id ${id})`));
      }, this.timeoutMs);
      this.pending.set(id, { onReply, resolve, reject, timer });
      socket.send(JSON.stringify(params === undefined ? { id, cmd } : { id, cmd, params }));
    }).then((reply) => {
      if (reply.type !== 'error') return reply;
      const body = (reply.msg ?? {}) as { code?: number; msg?: string };
      const wsCode = typeof body.code === 'number' ? body.code : 0;
      throw new KalshiStreamCommandError(`${cmd} refused: ${body.msg ?? 'error'} (code ${wsCode})`, wsCode, {
        code: KALSHI_WS_ERROR_CODES[wsCode] ?? 'unknown',
        body: reply.msg,
      });
    });
  }

  /** Settles the command a reply answers (a reply to no pending command is ignored). */
  settle(reply: CommandReply): void {
    const { id } = reply;
    const p = id === undefined ? undefined : this.pending.get(id);
    if (p && id !== undefined) {
      this.pending.delete(id);
      this.clock.clearTimeout(p.timer);
      if (reply.type !== 'error') p.onReply?.(reply);
      p.resolve(reply);
    }
  }

  /** Rejects every pending command with the error `errorFor(id)` gives. */
  rejectAll(errorFor: (id: number) => unknown): void {
    for (const [id, p] of this.pending) {
      this.clock.clearTimeout(p.timer);
      p.reject(errorFor(id));
    }
    this.pending.clear();
  }
}
