const REDACTED = '[redacted]';
const MARKER = Symbol.for('precog.kalshi-client.SecretString');

/**
 * A secret text (the private key of a generated API key) that never prints itself: `String()`,
 * template literals, `JSON.stringify` (so pino and most loggers), `util.inspect` / `console.log`
 * and object spread all show `[redacted]` or nothing. Only {@link SecretString.reveal} gives the
 * text, so writing it anywhere is a deliberate act.
 *
 * ```ts
 * const key = await kalshi.apiKeys.generate({ name: 'bot-2' });
 * await writeFile('bot-2.pem', key.private_key.reveal(), { mode: 0o600 });
 * ```
 */
export class SecretString {
  // A private field: invisible to Object.keys, spread, structuredClone and every serializer.
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
    // A non-enumerable brand: `isInstance` works across two copies of the package.
    Object.defineProperty(this, MARKER, { value: true });
  }

  /** Whether `value` is a SecretString, even one from another copy of this package. */
  static isInstance(value: unknown): value is SecretString {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true &&
      typeof (value as { reveal?: unknown }).reveal === 'function'
    );
  }

  /** The secret text itself. Store it (a file with mode 0600, a vault); never log it. */
  reveal(): string {
    return this.#value;
  }

  /** `[redacted]`. */
  toString(): string {
    return REDACTED;
  }

  /** `[redacted]`, so `JSON.stringify` (and JSON loggers) never see the text. */
  toJSON(): string {
    return REDACTED;
  }

  /** `[redacted]` in string and number contexts alike. */
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  /** What `console.log` and `util.inspect` print. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SecretString(${REDACTED})`;
  }
}
