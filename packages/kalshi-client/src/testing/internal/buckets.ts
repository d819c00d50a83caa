/** One token bucket: `capacity` tokens, refilled continuously at `refillPerSecond`. */
export class FakeTokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes `cost` tokens if the bucket holds them; returns whether it did. */
  take(cost: number, now: number): boolean {
    this.refill(now);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Tokens available at `now`. */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}

/** Kalshi's endpoint cost table (GET /account/endpoint_costs on the demo exchange). */
export const KALSHI_ENDPOINT_COSTS: ReadonlyArray<{ method: string; path: string; cost: number }> = [
  { cost: 30, method: 'POST', path: '/trade-api/v2/account/api_usage_level/upgrade' },
  { cost: 150, method: 'GET', path: '/trade-api/v2/cfbenchmarks' },
  { cost: 150, method: 'GET', path: '/trade-api/v2/cfbenchmarks/*endpoint' },
  { cost: 2, method: 'POST', path: '/trade-api/v2/communications/quotes' },
  { cost: 2, method: 'DELETE', path: '/trade-api/v2/communications/quotes/:quote_id' },
  { cost: 5, method: 'GET', path: '/trade-api/v2/margin/balance' },
  { cost: 2, method: 'PUT', path: '/trade-api/v2/multivariate_event_collections/:collection_ticker/lookup' },
  { cost: 2, method: 'DELETE', path: '/trade-api/v2/portfolio/events/orders/:order_id' },
  { cost: 2, method: 'DELETE', path: '/trade-api/v2/portfolio/events/orders/batched' },
  { cost: 20, method: 'POST', path: '/trade-api/v2/portfolio/orders' },
  { cost: 4, method: 'DELETE', path: '/trade-api/v2/portfolio/orders/:order_id' },
  { cost: 2, method: 'GET', path: '/trade-api/v2/portfolio/orders/:order_id' },
  { cost: 20, method: 'POST', path: '/trade-api/v2/portfolio/orders/:order_id/amend' },
  { cost: 20, method: 'POST', path: '/trade-api/v2/portfolio/orders/:order_id/decrease' },
  { cost: 4, method: 'DELETE', path: '/trade-api/v2/portfolio/orders/batched' },
  { cost: 20, method: 'POST', path: '/trade-api/v2/portfolio/orders/batched' },
];

function patternMatches(pattern: string, path: string): boolean {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return false;
  return p.every((seg, i) => seg.startsWith(':') || seg.startsWith('*') || seg === a[i]);
}

/** The token cost of a request: the most specific matching entry, else the default. */
export function endpointCost(
  table: ReadonlyArray<{ method: string; path: string; cost: number }>,
  defaultCost: number,
  method: string,
  path: string,
): number {
  let best: { cost: number; wildcards: number } | undefined;
  for (const entry of table) {
    if (entry.method !== method || !patternMatches(entry.path, path)) continue;
    const wildcards = entry.path.split('/').filter((s) => s.startsWith(':') || s.startsWith('*')).length;
    if (!best || wildcards < best.wildcards) best = { cost: entry.cost, wildcards };
  }
  return best?.cost ?? defaultCost;
}
