import { StoreError } from '../errors';
import type { Logger } from '../logger';

/** Conflicts that a concurrent writer can cause and that a fresh attempt resolves. */
const TRANSIENT = new Set(['40001', '40P01', '23505']);

export function isTransient(error: unknown): boolean {
  return error instanceof StoreError && error.code !== undefined && TRANSIENT.has(error.code);
}

/** Runs `fn` again (up to `attempts` times in all) while it fails with a transient conflict. */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  options: { attempts: number; logger: Logger; what: string },
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !isTransient(error)) {
        throw error;
      }
      options.logger.warn(
        { what: options.what, attempt, code: (error as StoreError).code },
        'transient conflict, retrying the batch',
      );
    }
  }
}
