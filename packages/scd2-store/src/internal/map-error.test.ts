import { describe, expect, it } from 'vitest';
import {
  AppendOnlyViolationError,
  ConstraintViolationError,
  ForeignKeyViolationError,
  ImmutableRowError,
  LifecycleTransitionError,
  NotNullViolationError,
  StoreConnectionError,
  StoreError,
} from '../errors';
import { isConnectionError, mapDbError } from './map-error';

/** Shaped like the server errors of pg and PGlite (both come from pg-protocol). */
function serverError(fields: Record<string, string>): Error {
  return Object.assign(new Error(fields.message ?? 'server error'), fields);
}

describe('mapDbError', () => {
  it('passes store errors through unchanged', () => {
    const error = new StoreError('x');
    expect(mapDbError(error, 'h')).toBe(error);
  });

  it('reads the column of a unique violation from the detail', () => {
    const cause = serverError({
      code: '23505',
      table: 'trades',
      constraint: 'trades_external_trade_id_key',
      detail: 'Key (external_trade_id)=(f1) already exists.',
    });
    const error = mapDbError(cause, 'h') as ConstraintViolationError;
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect([error.table, error.constraint, error.column, error.code]).toEqual([
      'trades',
      'trades_external_trade_id_key',
      'external_trade_id',
      '23505',
    ]);
    expect(error.message).toBe(
      'unique constraint trades_external_trade_id_key on trades refused the row: Key (external_trade_id)=(f1) already exists.',
    );
    expect(error.cause).toBe(cause);
  });

  it('names check and exclusion constraints', () => {
    expect(mapDbError(serverError({ code: '23514', constraint: 'c' }), 'h').message).toBe(
      'check constraint c refused the row',
    );
    expect(mapDbError(serverError({ code: '23P01', constraint: 'x', table: 't' }), 'h').message).toBe(
      'exclusion constraint x on t refused the row',
    );
  });

  it('maps NOT NULL and foreign-key violations to their own classes', () => {
    const notNull = mapDbError(serverError({ code: '23502', table: 't', column: 'c' }), 'h');
    expect(notNull).toBeInstanceOf(NotNullViolationError);
    expect(notNull.message).toBe('t.c must not be null');
    const fk = mapDbError(
      serverError({
        code: '23503',
        table: 't',
        constraint: 'fk',
        detail: 'Key (team_id)=(9) is not present in table "teams".',
      }),
      'h',
    ) as ForeignKeyViolationError;
    expect(fk).toBeInstanceOf(ForeignKeyViolationError);
    expect(fk.column).toBe('team_id');
  });

  it('maps the schema SQLSTATEs PC001–PC004', () => {
    expect(mapDbError(serverError({ code: 'PC001', table: 'trades' }), 'h')).toBeInstanceOf(
      AppendOnlyViolationError,
    );
    expect(mapDbError(serverError({ code: 'PC002' }), 'h')).toBeInstanceOf(ImmutableRowError);
    expect(mapDbError(serverError({ code: 'PC003' }), 'h')).toBeInstanceOf(LifecycleTransitionError);
    expect(mapDbError(serverError({ code: 'PC004' }), 'h')).toBeInstanceOf(ImmutableRowError);
  });

  it('maps lost connections to StoreConnectionError naming the host', () => {
    const error = mapDbError(serverError({ code: '57P01', message: 'terminating connection' }), 'db:5432/x');
    expect(error).toBeInstanceOf(StoreConnectionError);
    expect((error as StoreConnectionError).host).toBe('db:5432/x');
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(new StoreError('x'))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });

  it('keeps the code of any other error', () => {
    const error = mapDbError(serverError({ code: '42601', message: 'syntax error' }), 'h');
    expect([error.constructor, error.code, error.message]).toEqual([StoreError, '42601', 'syntax error']);
    expect(mapDbError('boom', 'h').message).toBe('boom');
  });
});
