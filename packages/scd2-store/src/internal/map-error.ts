import {
  AppendOnlyViolationError,
  ConstraintViolationError,
  ForeignKeyViolationError,
  ImmutableRowError,
  LifecycleTransitionError,
  NotNullViolationError,
  StatementTimeoutError,
  StoreConnectionError,
  StoreError,
} from '../errors';

/** The fields that pg and PGlite both put on a server error. */
interface DriverError {
  message?: string;
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

const CONNECTION_CODES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
]);

/** True when the error means the connection itself is gone (the statement did not complete). */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof StoreConnectionError) {
    return true;
  }
  if (error instanceof StoreError) {
    return false;
  }
  const e = error as DriverError | undefined;
  if (e?.code !== undefined && CONNECTION_CODES.has(e.code)) {
    return true;
  }
  const message = e?.message ?? '';
  return /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection/i.test(
    message,
  );
}

/** "Key (ticker)=(X) already exists." → "ticker"; composite keys keep the comma list. */
function columnFromDetail(detail: string | undefined): string | undefined {
  const match = detail === undefined ? null : /Key \(([^)]+)\)=/.exec(detail);
  return match?.[1];
}

/** Turns a driver error into the store's typed error; StoreErrors pass through unchanged. */
export function mapDbError(error: unknown, host: string): StoreError {
  if (error instanceof StoreError) {
    return error;
  }
  const e = (error ?? {}) as DriverError;
  const message = e.message ?? String(error);
  const code = e.code;
  if (isConnectionError(error)) {
    return new StoreConnectionError(`connection to ${host} failed: ${message}`, {
      host,
      cause: error,
      ...(code === undefined ? {} : { code }),
    });
  }
  const where = e.table === undefined ? '' : ` on ${e.table}`;
  switch (code) {
    case '23502':
      return new NotNullViolationError(`${e.table ?? '?'}.${e.column ?? '?'} must not be null`, {
        table: e.table,
        constraint: e.constraint,
        column: e.column,
        detail: e.detail,
        cause: error,
        code,
      });
    case '23503': {
      const column = e.column ?? columnFromDetail(e.detail);
      return new ForeignKeyViolationError(
        `foreign key ${e.constraint ?? '?'}${where} refused ${column ?? '?'}: ${e.detail ?? message}`,
        { table: e.table, constraint: e.constraint, column, detail: e.detail, cause: error, code },
      );
    }
    case '23505':
    case '23514':
    case '23P01': {
      const column = e.column ?? columnFromDetail(e.detail);
      const kind =
        code === '23505'
          ? 'unique constraint'
          : code === '23514'
            ? 'check constraint'
            : 'exclusion constraint';
      return new ConstraintViolationError(
        `${kind} ${e.constraint ?? '?'}${where} refused the row${e.detail === undefined ? '' : `: ${e.detail}`}`,
        { table: e.table, constraint: e.constraint, column, detail: e.detail, cause: error, code },
      );
    }
    case 'PC001':
      return new AppendOnlyViolationError(message, { table: e.table, cause: error, code });
    case 'PC002':
    case 'PC004': // a closed SCD2 version row asked to change
      return new ImmutableRowError(message, { table: e.table, cause: error, code });
    case 'PC003':
      return new LifecycleTransitionError(message, { cause: error, code });
    case '57014':
      // query_canceled also covers pg_cancel_backend; only the timeout gets its own class.
      return /statement timeout/i.test(message)
        ? new StatementTimeoutError(`${message} (statement_timeout) on ${host}`, { cause: error, code })
        : new StoreError(message, { cause: error, code });
    default:
      return new StoreError(message, { cause: error, ...(code === undefined ? {} : { code }) });
  }
}
