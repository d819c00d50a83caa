/**
 * Rounds like Python's `round(x, digits)`: to the nearest value at `digits` decimals, judged on
 * the exact binary value of `x`, with exact ties going to the even digit. 538's published scores
 * were computed that way.
 */
export function roundHalfEven(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const magnitude = Math.abs(x);
  // toFixed(100) is the exact decimal expansion of the double for the magnitudes scored here.
  const exact = magnitude.toFixed(100);
  const point = exact.indexOf('.');
  const rest = exact.slice(point + 1 + digits);
  let rounded: number;
  if (/^50*$/.test(rest)) {
    const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
    const lastDigit = Number(truncated.at(-1));
    rounded = lastDigit % 2 === 0 ? Number(truncated) : Number(magnitude.toFixed(digits));
  } else {
    rounded = Number(magnitude.toFixed(digits));
  }
  return x < 0 ? -rounded : rounded;
}
