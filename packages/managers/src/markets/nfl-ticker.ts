// Kalshi NFL tickers → teams: the inverse of the fake exchange's generator
// (`nflEventTicker` in @precog/kalshi-client/testing).

/** Kalshi's NFL team codes that differ from the store's (and nflfastR's) codes. */
export const KALSHI_NFL_ALIASES: Readonly<Record<string, string>> = Object.freeze({ JAC: 'JAX', LA: 'LAR' });

/** The store's team code for a Kalshi NFL code (`JAC` → `JAX`, `LA` → `LAR`, others unchanged). */
export function nflTeamCode(kalshiCode: string): string {
  return KALSHI_NFL_ALIASES[kalshiCode] ?? kalshiCode;
}

/**
 * The team a `KXNFLGAME-26NOV29KCLV-KC` market is about (the YES side wins if that team wins),
 * as the store's code: the part after the last `-`.
 */
export function nflMarketTeam(marketTicker: string): string {
  return nflTeamCode(marketTicker.slice(marketTicker.lastIndexOf('-') + 1));
}

/**
 * The two teams of a `KXNFLGAME-26NOV29KCLV` event ticker (away first, then home, as Kalshi
 * writes "Kansas City at Las Vegas"), as the store's codes: the date is 7 characters, the rest
 * splits into two codes that are both in `known`. Null when it does not.
 */
export function parseGameTicker(
  eventTicker: string,
  known: ReadonlySet<string>,
): { away: string; home: string } | null {
  const rest = eventTicker.slice(eventTicker.indexOf('-') + 1).slice(7);
  for (let i = 2; i <= rest.length - 2; i += 1) {
    const away = nflTeamCode(rest.slice(0, i));
    const home = nflTeamCode(rest.slice(i));
    if (known.has(away) && known.has(home)) return { away, home };
  }
  return null;
}
