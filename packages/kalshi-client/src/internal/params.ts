import type { z } from 'zod';
import { KalshiInvalidParamsError } from '../core/errors';

/**
 * Validates a method's parameters with `schema` before anything is sent: a bad one is a
 * {@link KalshiInvalidParamsError} naming the method, the field and the rule (never its value,
 * so a secret pasted into the wrong field is not echoed).
 */
export function parseParams<T extends z.ZodType>(method: string, schema: T, params: unknown): z.output<T> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(params)';
  throw new KalshiInvalidParamsError(`${method}: ${where}: ${issue?.message ?? 'invalid'}`);
}
