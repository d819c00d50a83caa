// The bucket arithmetic runs inside Redis, one script per step, so that every process sees one
// bucket and one clock (Redis `TIME`): no read-modify-write race between processes, no drift
// between machines' clocks.
//
// A bucket is two hashes: its state `{tokens, ts}` (ts in ms of Redis time, expiring once the
// bucket would be full again, so an idle key costs nothing) and its limits `{rate, cap}` (what
// `adoptLimits` stored; absent until a process syncs, the caller's defaults apply).
//
// Acquire is a reservation (the generic cell rate algorithm in token terms): it always takes the
// cost, letting `tokens` go negative, and answers how long the caller must wait until its tokens
// have refilled. One round trip per request, no polling, and every process's requests are served
// in the order Redis received them, so a large request is never starved by small ones.

/** Shared prelude: limits, refill to Redis time, clamp to the effective capacity. */
const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local lim = redis.call('HMGET', KEYS[2], 'rate', 'cap')
local rate = tonumber(lim[1]) or tonumber(ARGV[1])
local cap = tonumber(lim[2]) or tonumber(ARGV[2])
local headroom = tonumber(ARGV[3])
if headroom < 0 then headroom = cap / 5 end
local size = math.max(cap - headroom, 1)
local st = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(st[1])
local ts = tonumber(st[2])
if tokens == nil or ts == nil then
  tokens = size
  ts = now
end
if now > ts then
  tokens = tokens + (now - ts) * rate / 1000
  ts = now
end
if tokens > size then tokens = size end
`;

/** Stores the state back with a time to live of "until full again" plus a second. */
const STORE = `
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], math.ceil((size - tokens) * 1000 / rate) + 1000)
`;

/**
 * KEYS: state, limits. ARGV: default rate, default capacity, headroom (-1: a fifth of the
 * bucket), cost. Returns `{ waitMs, rate, cap }` (rate and cap as text).
 */
export const ACQUIRE_SCRIPT = `${PRELUDE}
local need = math.min(tonumber(ARGV[4]), size)
tokens = tokens - need
local wait = 0
if tokens < 0 then wait = math.ceil(-tokens * 1000 / rate) end
${STORE}
return { wait, tostring(rate), tostring(cap) }
`;

/** KEYS: state, limits. ARGV: default rate, default capacity, headroom. Empties the bucket (a 429). */
export const DRAIN_SCRIPT = `${PRELUDE}
if tokens > 0 then tokens = 0 end
${STORE}
return 0
`;

/**
 * KEYS: state, limits. ARGV: default rate, default capacity, headroom, cost. Gives a reservation
 * back (a negative cost charges tokens spent elsewhere, without waiting).
 */
export const REFUND_SCRIPT = `${PRELUDE}
tokens = math.min(size, tokens + tonumber(ARGV[4]))
${STORE}
return 0
`;
