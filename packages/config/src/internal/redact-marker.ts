/** What replaces a secret in any rendering. */
export const REDACTED = '[redacted]';
