import { stripVTControlCharacters } from 'node:util';

/** Longest error line printed without `--verbose`, in characters. */
export const MAX_ERROR_LINE = 300;

// C0 controls (newlines and tabs included: the result is one line), DEL and C1 controls. What
// stripVTControlCharacters leaves of a malformed escape sequence is printable text once ESC is gone.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/**
 * Text from outside (an exchange's error code or message, a server's body) made safe for a
 * terminal: escape sequences (colours, cursor moves, screen clears, window titles) removed, other
 * control characters and line breaks turned into one space, so it is one inert line.
 */
export function toTerminalLine(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROL, ' ').trim();
}

/**
 * {@link toTerminalLine}, cut to `max` characters (default {@link MAX_ERROR_LINE}) with a note of
 * how much was left out; `--verbose` prints the whole text.
 */
export function toErrorLine(text: string, max = MAX_ERROR_LINE): string {
  const line = toTerminalLine(text);
  if (line.length <= max) return line;
  return `${line.slice(0, max)}… (${line.length - max} more characters; --verbose shows all)`;
}

/**
 * Multi-line text from outside, for `--verbose`: escape sequences and control characters other
 * than line breaks and tabs removed, so a stack or a body can be read but never drive the terminal.
 */
export function toTerminalText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return stripVTControlCharacters(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
