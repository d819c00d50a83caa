/** One row of Kalshi's endpoint cost table (`GET /account/endpoint_costs`). */
export interface EndpointCost {
  /** HTTP method, upper case. */
  method: string;
  /** Route pattern as Kalshi publishes it, e.g. `/trade-api/v2/portfolio/events/orders/:order_id`. */
  path: string;
  /** Tokens one call costs. */
  cost: number;
}

/**
 * The cost table recorded from the demo exchange (June 2026): everything not listed costs
 * `DEFAULT_ENDPOINT_COST`. V2 cancels and single-order reads cost 2.
 */
export const DEFAULT_ENDPOINT_COSTS: readonly EndpointCost[] = [
  { method: 'DELETE', path: '/trade-api/v2/communications/quotes/:quote_id', cost: 2 },
  { method: 'POST', path: '/trade-api/v2/communications/quotes', cost: 2 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/events/orders/:order_id', cost: 2 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/events/orders/batched', cost: 2 },
  { method: 'GET', path: '/trade-api/v2/portfolio/orders/:order_id', cost: 2 },
  { method: 'POST', path: '/trade-api/v2/portfolio/orders', cost: 20 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/orders/:order_id', cost: 4 },
  { method: 'POST', path: '/trade-api/v2/portfolio/orders/batched', cost: 20 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/orders/batched', cost: 4 },
  { method: 'GET', path: '/trade-api/v2/margin/balance', cost: 5 },
  { method: 'GET', path: '/trade-api/v2/cfbenchmarks', cost: 150 },
  { method: 'GET', path: '/trade-api/v2/cfbenchmarks/*endpoint', cost: 150 },
];

/** Cost of a request that is not in the table. */
export const DEFAULT_ENDPOINT_COST = 10;

interface CompiledCost {
  method: string;
  pattern: RegExp;
  /** Literal segments count more than parameters, so `/orders/batched` beats `/orders/:order_id`. */
  specificity: number;
  cost: number;
}

const API_PREFIX = '/trade-api/v2';

/** Drops everything up to and including `/trade-api/v2`, so tables and base URLs line up. */
export function apiRelativePath(path: string): string {
  const q = path.indexOf('?');
  const bare = q === -1 ? path : path.slice(0, q);
  const at = bare.indexOf(API_PREFIX);
  return at === -1 ? bare : bare.slice(at + API_PREFIX.length) || '/';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Looks up the token cost of a request in a Kalshi cost table. */
export class EndpointCostTable {
  private readonly compiled: CompiledCost[];

  constructor(
    rows: readonly EndpointCost[],
    readonly defaultCost: number = DEFAULT_ENDPOINT_COST,
  ) {
    this.compiled = rows
      .map((row) => {
        const segments = apiRelativePath(row.path).split('/').filter(Boolean);
        let specificity = 0;
        const source = segments
          .map((segment) => {
            if (segment.startsWith(':')) return '[^/]+';
            if (segment.startsWith('*')) return '.+';
            specificity += 1;
            return escapeRegExp(segment);
          })
          .join('/');
        return {
          method: row.method.toUpperCase(),
          pattern: new RegExp(`^/${source}/?$`),
          specificity,
          cost: row.cost,
        };
      })
      .sort((a, b) => b.specificity - a.specificity);
  }

  /** Tokens a call to `method path` costs (path with or without `/trade-api/v2` and query). */
  costOf(method: string, path: string): number {
    const relative = apiRelativePath(path);
    const upper = method.toUpperCase();
    for (const row of this.compiled) {
      if (row.method === upper && row.pattern.test(relative)) return row.cost;
    }
    return this.defaultCost;
  }
}
