import Decimal from 'decimal.js';
import type { GlobalOptions } from './global-options';

/** JSON with decimals as exact strings (never numbers) and bigints as strings. */
export function toJson(data: unknown): string {
  return JSON.stringify(
    data,
    (_key, value) =>
      Decimal.isDecimal(value) ? value.toString() : typeof value === 'bigint' ? value.toString() : value,
    2,
  );
}

/**
 * Prints a command's result on stdout: `data` as JSON with `--json`, otherwise the text that
 * `render` makes of it. Logs and errors go to stderr, so stdout stays parseable.
 */
export function printResult<T>(options: GlobalOptions, data: T, render: (data: T) => string): void {
  process.stdout.write(`${options.json ? toJson(data) : render(data)}\n`);
}

/** Aligns rows of cells into columns (for text output). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
