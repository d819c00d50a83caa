import { createHash } from 'node:crypto';
import type { BucketKind } from '@precog/kalshi-client';
import type { BucketKeys } from '../options';

/**
 * Keys of a key id's two buckets. The key id is not a secret, but it is hashed anyway so that a
 * shared Redis holds no account identifier; the hash sits in braces, a Redis Cluster hash tag,
 * so both keys of one script call live in one slot. Without a key id (unsigned, public market
 * data) the buckets are named `unsigned`.
 */
export function bucketKeys(prefix: string, apiKeyId: string | undefined): Record<BucketKind, BucketKeys> {
  const id =
    apiKeyId === undefined ? 'unsigned' : createHash('sha256').update(apiKeyId).digest('hex').slice(0, 16);
  const base = `${prefix}:{${id}}`;
  return {
    read: { state: `${base}:read`, limits: `${base}:read:limits` },
    write: { state: `${base}:write`, limits: `${base}:write:limits` },
  };
}
