// `--probabilities FILE.csv`: a model given as a table of YES probabilities per market ticker.
import Decimal from 'decimal.js';
import { ProbabilitiesFileError } from './errors';

const NUMBER = /^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/;

/**
 * Parses `ticker,probability` lines (the probability that YES wins, 0–1, as an exact decimal).
 * A header line `ticker,probability` is skipped, as are blank lines; a ticker given twice, a
 * probability outside [0, 1] or a malformed line is refused with its line number.
 */
export function parseProbabilitiesCsv(text: string): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const lineNo = index + 1;
    if (line === '') return;
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (cells.length !== 2) {
      throw new ProbabilitiesFileError(
        `line ${lineNo}: expected "ticker,probability", got ${cells.length} columns`,
        lineNo,
      );
    }
    const [ticker, probability] = cells as [string, string];
    if (out.size === 0 && ticker.toLowerCase() === 'ticker' && probability.toLowerCase() === 'probability')
      return;
    if (ticker === '') throw new ProbabilitiesFileError(`line ${lineNo}: empty ticker`, lineNo);
    if (!NUMBER.test(probability)) {
      throw new ProbabilitiesFileError(
        `line ${lineNo}: probability of ${ticker} must be a decimal between 0 and 1, got ${JSON.stringify(probability.slice(0, 40))}`,
        lineNo,
      );
    }
    if (out.has(ticker))
      throw new ProbabilitiesFileError(`line ${lineNo}: ${ticker} is listed twice`, lineNo);
    out.set(ticker, new Decimal(probability));
  });
  if (out.size === 0) throw new ProbabilitiesFileError('the probabilities file lists no market', 0);
  return out;
}
