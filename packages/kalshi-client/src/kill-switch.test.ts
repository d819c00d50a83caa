import { describe, expect, it } from 'vitest';
import { json, ManualClock, rsaKeys, scriptedFetch } from './__fixtures__/helpers';
import { KalshiClient } from './client';
import { KalshiCircuitOpenError, KalshiServerError } from './core/errors';
import { type KillSwitchTrip, OrderGroupKillSwitch } from './kill-switch';

const GROUP = 'a3b6f2de-1c54-4e0b-9d0e-5b7f1c2a9e10';
const serverError = () => json({ error: { code: 'internal_server_error', message: 'internal' } }, 500);

function setup(replies: Parameters<typeof scriptedFetch>[0]) {
  const clock = new ManualClock({ auto: true });
  const scripted = scriptedFetch(replies, clock);
  const client = new KalshiClient({
    apiKeyId: 'key-123',
    privateKey: rsaKeys().privateKey,
    fetch: scripted.fetch,
    clock,
    random: () => 0.5,
    rateLimit: false,
    maxRetries: 0,
    circuitBreaker: { failureThreshold: 2, cooldownMs: 60_000 },
  });
  return { client, calls: scripted.calls };
}

describe('OrderGroupKillSwitch', () => {
  it('triggers the group when the circuit breaker opens, past the open breaker', async () => {
    const { client, calls } = setup([serverError(), serverError(), json({})]);
    const killSwitch = new OrderGroupKillSwitch({ orderGroups: client.orderGroups, orderGroupId: GROUP });
    const tripped: KillSwitchTrip[] = [];
    killSwitch.on('tripped', (trip) => tripped.push(trip));
    const tripDone = new Promise<void>((resolve) => killSwitch.once('tripped', () => resolve()));
    killSwitch.armOn(client.circuitBreaker!);

    await expect(client.exchange.getStatus()).rejects.toBeInstanceOf(KalshiServerError);
    await expect(client.exchange.getStatus()).rejects.toBeInstanceOf(KalshiServerError);
    expect(client.circuitBreaker?.state).toBe('open');
    await tripDone;

    expect(tripped).toEqual([{ orderGroupId: GROUP, reason: 'circuit breaker open' }]);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /trade-api/v2/exchange/status',
      'GET /trade-api/v2/exchange/status',
      `PUT /trade-api/v2/portfolio/order_groups/${GROUP}/trigger`,
    ]);
    // Ordinary calls are still held back by the open breaker.
    await expect(client.exchange.getStatus()).rejects.toBeInstanceOf(KalshiCircuitOpenError);
    expect(killSwitch.tripCount).toBe(1);
  });

  it('retries the trigger after 5xx answers, up to maxRetries', async () => {
    const { client, calls } = setup([serverError(), serverError(), json({})]);
    const killSwitch = new OrderGroupKillSwitch({
      orderGroups: client.orderGroups,
      orderGroupId: GROUP,
      maxRetries: 2,
    });
    await killSwitch.trip('daily loss limit');
    expect(calls).toHaveLength(3);
    expect(killSwitch.tripCount).toBe(1);
  });

  it('shares one trigger between trips made while it is in flight', async () => {
    const { client, calls } = setup([json({})]);
    const killSwitch = new OrderGroupKillSwitch({ orderGroups: client.orderGroups, orderGroupId: GROUP });
    await Promise.all([killSwitch.trip('a'), killSwitch.trip('b')]);
    expect(calls).toHaveLength(1);
  });

  it('reports a trigger that keeps failing through tripFailed and a rejection', async () => {
    const { client } = setup([serverError(), serverError()]);
    const killSwitch = new OrderGroupKillSwitch({
      orderGroups: client.orderGroups,
      orderGroupId: GROUP,
      maxRetries: 1,
    });
    const failed: KillSwitchTrip[] = [];
    killSwitch.on('tripFailed', (trip) => failed.push(trip));
    await expect(killSwitch.trip('manual')).rejects.toBeInstanceOf(KalshiServerError);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toBe('manual');
    expect(failed[0]?.error).toBeInstanceOf(KalshiServerError);
    expect(killSwitch.tripCount).toBe(0);
  });

  it('stops listening once disarmed', async () => {
    const { client, calls } = setup([serverError(), serverError()]);
    const killSwitch = new OrderGroupKillSwitch({ orderGroups: client.orderGroups, orderGroupId: GROUP });
    const disarm = killSwitch.armOn(client.circuitBreaker!);
    disarm();
    await expect(client.exchange.getStatus()).rejects.toBeInstanceOf(KalshiServerError);
    await expect(client.exchange.getStatus()).rejects.toBeInstanceOf(KalshiServerError);
    expect(client.circuitBreaker?.state).toBe('open');
    expect(calls).toHaveLength(2);
  });
});
