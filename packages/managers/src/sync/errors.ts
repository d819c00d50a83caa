import { ManagersError } from '../errors';
import type { SyncResult } from './types';

/**
 * A sync stopped by its `signal` between two pages. Everything written before stays; `result`
 * holds the counts so far. Running the sync again completes the job.
 */
export class SyncInterruptedError extends ManagersError {
  override readonly name: string = 'SyncInterruptedError';
  /** Counts of what was written before the interruption. */
  readonly result: SyncResult;

  constructor(result: SyncResult, options?: { cause?: unknown }) {
    super(
      `${result.stage} sync interrupted after ${result.pages} page(s): ${result.inserted} inserted, ${result.versioned} versioned, ${result.unchanged} unchanged, ${result.duplicates} duplicates kept`,
      options,
    );
    this.result = result;
  }
}
