import { ManagersError } from '../errors';

/** Another engine holds the strategy: two processes must never trade the same book. */
export class EngineLockedError extends ManagersError {
  override readonly name: string = 'EngineLockedError';
  /** The strategy, `name@version`. */
  readonly strategyKey: string;
  /** Process id of the engine holding it. */
  readonly holderPid: number;
  /** Host name of the engine holding it. */
  readonly holderHost: string;
  /** Its last heartbeat, epoch ms. */
  readonly heartbeatAt: number;

  constructor(strategyKey: string, holder: { pid: number; host: string; heartbeatAt: number }) {
    super(
      `strategy ${strategyKey} is already run by another engine (pid ${holder.pid} on ${holder.host}, ` +
        `last heartbeat ${new Date(holder.heartbeatAt).toISOString()}); stop it first`,
    );
    this.strategyKey = strategyKey;
    this.holderPid = holder.pid;
    this.holderHost = holder.host;
    this.heartbeatAt = holder.heartbeatAt;
  }
}

/** The engine's lock was taken over (its heartbeat lapsed): it stops trading at once. */
export class EngineLockLostError extends ManagersError {
  override readonly name: string = 'EngineLockLostError';
  readonly strategyKey: string;

  constructor(strategyKey: string) {
    super(
      `the engine lost its lock on strategy ${strategyKey} (heartbeat lapsed, another engine took it over)`,
    );
    this.strategyKey = strategyKey;
  }
}
