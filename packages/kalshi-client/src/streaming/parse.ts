import type Decimal from 'decimal.js';
import { MESSAGE_SCHEMAS, type SchemaMessage, type SchemaMessageType } from './channels';
import { KalshiStreamMessageError } from './errors';
import { parsePriceUnits, parseSizeUnits, priceToDecimal, sizeToDecimal } from './fixed-point';
import type { BookSide } from './order-book';

/**
 * `{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"KX…-LEP","market_id":"f5ed…",
 *   "price_dollars":"0.4700","delta_fp":"-3.00","side":"yes","ts":"2026-06-11T06:31:29.957081Z",
 *   "ts_ms":1781159489957}}`
 *
 * Parsed by hand (no schema, no Decimal) because it is most of the traffic: the price and the
 * signed delta are kept as scaled integers and turned into `Decimal` only when read.
 */
export class OrderbookDeltaMessage {
  readonly type = 'orderbook_delta' as const;
  readonly channel = 'orderbook_delta' as const;
  constructor(
    readonly sid: number,
    readonly seq: number,
    /** Market ticker. */
    readonly ticker: string,
    /** The leg whose bid level changed. */
    readonly side: BookSide,
    /** Price in micro-dollars. */
    readonly priceUnits: number,
    /** Signed size change in hundredths of a contract. */
    readonly deltaUnits: number,
    /** Exchange time in ms, when the message carried `ts_ms`. */
    readonly tsMs: number | undefined,
    /** The order of the account that caused the change, when it was one (`client_order_id`). */
    readonly clientOrderId: string | undefined,
  ) {}

  /** The body with Kalshi's field names: price and delta as exact Decimals. */
  get msg(): {
    market_ticker: string;
    side: BookSide;
    price_dollars: Decimal;
    delta_fp: Decimal;
    client_order_id: string | undefined;
    time: Date | undefined;
  } {
    return {
      market_ticker: this.ticker,
      side: this.side,
      price_dollars: priceToDecimal(this.priceUnits),
      delta_fp: sizeToDecimal(this.deltaUnits),
      client_order_id: this.clientOrderId,
      time: this.tsMs === undefined ? undefined : new Date(this.tsMs),
    };
  }
}

/** A typed data message of any channel. */
export type StreamMessage = OrderbookDeltaMessage | SchemaMessage;

/** A reply to a command: `subscribed`, `unsubscribed`, `ok` or `error`, matched to its command by `id`. */
export interface CommandReply {
  type: 'subscribed' | 'unsubscribed' | 'ok' | 'error';
  id: number | undefined;
  sid: number | undefined;
  seq: number | undefined;
  msg: unknown;
}

/** What one text frame holds. */
export type ParsedFrame =
  | { kind: 'data'; message: StreamMessage }
  | { kind: 'reply'; reply: CommandReply }
  | { kind: 'unknown'; type: string };

const REPLY_TYPES = new Set(['subscribed', 'unsubscribed', 'ok', 'error']);

function bad(message: string, path: PropertyKey[]): KalshiStreamMessageError {
  return new KalshiStreamMessageError(message, path);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Validates an `orderbook_delta` by hand (see {@link OrderbookDeltaMessage}). */
export function parseOrderbookDelta(frame: Record<string, unknown>): OrderbookDeltaMessage {
  const { sid, seq, msg } = frame;
  if (!isInteger(sid)) throw bad('orderbook_delta: sid must be an integer', ['sid']);
  if (!isInteger(seq)) throw bad('orderbook_delta: seq must be an integer', ['seq']);
  if (typeof msg !== 'object' || msg === null) throw bad('orderbook_delta: msg must be an object', ['msg']);
  const body = msg as Record<string, unknown>;
  const ticker = body.market_ticker;
  if (typeof ticker !== 'string' || ticker.length === 0)
    throw bad('orderbook_delta: market_ticker must be a non-empty string', ['msg', 'market_ticker']);
  const side = body.side;
  if (side !== 'yes' && side !== 'no')
    throw bad(`orderbook_delta: side must be "yes" or "no", got ${JSON.stringify(side)}`, ['msg', 'side']);
  const price = parsePriceUnits(body.price_dollars);
  if (Number.isNaN(price))
    throw bad(
      `orderbook_delta: price_dollars must be a fixed-point price with at most 6 decimals, got ${JSON.stringify(body.price_dollars)}`,
      ['msg', 'price_dollars'],
    );
  const delta = parseSizeUnits(body.delta_fp, true);
  if (Number.isNaN(delta))
    throw bad(
      `orderbook_delta: delta_fp must be a signed count with at most 2 decimals, got ${JSON.stringify(body.delta_fp)}`,
      ['msg', 'delta_fp'],
    );
  const tsMs = body.ts_ms;
  const clientOrderId = body.client_order_id;
  return new OrderbookDeltaMessage(
    sid,
    seq,
    ticker,
    side,
    price,
    delta,
    typeof tsMs === 'number' ? tsMs : undefined,
    typeof clientOrderId === 'string' ? clientOrderId : undefined,
  );
}

/**
 * Parses one text frame: a data message of a known type (validated), a command reply, or an
 * unknown type (ignored by the stream). Throws {@link KalshiStreamMessageError} for a frame that is
 * not JSON or a known message whose fields are wrong.
 */
export function parseFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad(`a frame is not JSON (${text.length} characters)`, []);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad('a frame is not a JSON object', []);
  const frame = value as Record<string, unknown>;
  const type = frame.type;
  if (type === 'orderbook_delta') return { kind: 'data', message: parseOrderbookDelta(frame) };
  if (typeof type !== 'string') throw bad('a frame has no "type"', ['type']);
  if (REPLY_TYPES.has(type)) {
    return {
      kind: 'reply',
      reply: {
        type: type as CommandReply['type'],
        id: isInteger(frame.id) ? frame.id : undefined,
        sid: isInteger(frame.sid) ? frame.sid : undefined,
        seq: isInteger(frame.seq) ? frame.seq : undefined,
        msg: frame.msg,
      },
    };
  }
  const spec = MESSAGE_SCHEMAS[type as SchemaMessageType];
  if (spec === undefined) return { kind: 'unknown', type };
  if (!isInteger(frame.sid)) throw bad(`${type}: sid must be an integer`, ['sid']);
  if (frame.seq !== undefined && !isInteger(frame.seq)) throw bad(`${type}: seq must be an integer`, ['seq']);
  const result = spec.schema.safeParse(frame.msg);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = ['msg', ...(issue?.path ?? [])];
    throw bad(`${type}: ${path.join('.')}: ${issue?.message ?? 'invalid'}`, path);
  }
  return {
    kind: 'data',
    message: {
      type,
      channel: spec.channel,
      sid: frame.sid,
      seq: frame.seq as number | undefined,
      msg: result.data,
    } as SchemaMessage,
  };
}
