import { balanceRow } from './mapping';
import { addCounts, checkSignal, emptyResult, interrupted, report, requestOptions } from './run-pages';
import { scopeOf, subaccountParam } from './scope';
import type { SyncClient, SyncOptions, SyncResult, SyncStore } from './types';

/**
 * Reads the account balance and writes it as an SCD2 version of `account_balance`: a new
 * version only when the balance or portfolio value changed (a re-run writes nothing).
 */
export async function syncBalance(
  client: SyncClient,
  store: SyncStore,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const result = emptyResult('balance');
  checkSignal(options, result);
  const balance = await client.portfolio
    .getBalance(subaccountParam(options), requestOptions(options))
    .catch((error: unknown) => {
      throw interrupted(options, result, error);
    });
  addCounts(result, await store.accountBalance.upsertVersions([balanceRow(balance, scopeOf(options))]));
  result.pages = 1;
  result.items = 1;
  report(options, result, true);
  return result;
}
