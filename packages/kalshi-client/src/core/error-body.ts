/** The error fields found in a Kalshi error body, whichever of its shapes it used. */
export interface ParsedErrorBody {
  code: string | undefined;
  message: string | undefined;
  details: string | undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Reads the four error body shapes Kalshi uses:
 * - nested: `{"error":{"code":"insufficient_balance","message":"insufficient balance","service":"exchange"}}`
 * - flat: `{"code":"bad_request","message":"bad request","details":"json: cannot unmarshal ..."}`
 * - validator: `{"msg":"Parameter validation failed for GetMarkets: ..."}`
 * - rate limiter: `{"error":"too many requests"}`
 * Anything else (HTML from a proxy, plain text) yields its trimmed text as the message.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body === 'string') {
    const text = body.replace(/\s+/g, ' ').trim();
    return { code: undefined, message: text.length > 0 ? text.slice(0, 200) : undefined, details: undefined };
  }
  if (body === null || typeof body !== 'object') {
    return { code: undefined, message: undefined, details: undefined };
  }
  const record = body as Record<string, unknown>;
  const nested = record.error;
  if (nested !== null && typeof nested === 'object') {
    const inner = nested as Record<string, unknown>;
    return { code: str(inner.code), message: str(inner.message), details: str(inner.details) };
  }
  if (typeof nested === 'string') {
    return { code: undefined, message: str(nested), details: str(record.details) };
  }
  if (record.code !== undefined || record.message !== undefined) {
    return { code: str(record.code), message: str(record.message), details: str(record.details) };
  }
  return { code: undefined, message: str(record.msg), details: undefined };
}
