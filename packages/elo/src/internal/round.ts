/**
 * Rounds like Python's `round(x, digits)`: to the nearest value at `digits` decimals, judged on
 * the exact binary value of `x`, with exact ties going to the even digit. 538's published scores
 * were computed that way.
 */
export function roundHalfEven(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const magnitude = Math.abs(x);
  const factor = 10 ** digits;
  const scaled = magnitude * factor;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  let rounded: number;
  if (Math.abs(fraction - 0.5) > 1e-6) {
    // Far from a tie: the float error of `scaled` cannot change the answer. n / 10^d is the
    // double nearest to the decimal n·10^−d, as parsing that decimal would give.
    rounded = (fraction > 0.5 ? whole + 1 : whole) / factor;
  } else {
    rounded = nearTie(magnitude, digits);
  }
  return x < 0 ? -rounded : rounded;
}

/** Decides a near-tie on the exact decimal expansion of the double. */
function nearTie(magnitude: number, digits: number): number {
  // toFixed(100) is the exact decimal expansion of the double for the magnitudes scored here.
  const exact = magnitude.toFixed(100);
  const point = exact.indexOf('.');
  const rest = exact.slice(point + 1 + digits);
  if (/^50*$/.test(rest)) {
    const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
    const lastDigit = Number(truncated.at(-1));
    if (lastDigit % 2 === 0) return Number(truncated);
  }
  return Number(magnitude.toFixed(digits));
}
