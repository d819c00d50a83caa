import type { CalibrationBin } from './calibration';

/** Options of {@link calibrationSvg}. */
export interface CalibrationSvgOptions {
  /** Chart title. Default `'Calibration'`. */
  title?: string;
  /** Caption under the chart (e.g. the data attribution). Default none. */
  caption?: string;
  /** Width and height of the square plot area in pixels. Default 360. */
  size?: number;
}

const MARGIN = { left: 56, right: 24, top: 40, bottom: 56 };

/**
 * A reliability diagram as a standalone SVG document: mean forecast (x) against observed win rate
 * (y) per bin, the diagonal of perfect calibration, and dot areas proportional to the bin counts.
 * Pure string building; write it to a `.svg` file or embed it.
 */
export function calibrationSvg(bins: readonly CalibrationBin[], options: CalibrationSvgOptions = {}): string {
  const size = options.size ?? 360;
  const title = options.title ?? 'Calibration';
  const captionHeight = options.caption === undefined ? 0 : 20;
  // Widen the canvas for a long caption (about 5.5 px per character at 10 px).
  const captionWidth = options.caption === undefined ? 0 : Math.ceil(options.caption.length * 5.5) + 16;
  const plotWidth = MARGIN.left + size + MARGIN.right;
  const width = Math.max(plotWidth, captionWidth);
  const left = MARGIN.left + (width - plotWidth) / 2;
  const height = MARGIN.top + size + MARGIN.bottom + captionHeight;
  const x = (p: number) => fmt(left + p * size);
  const y = (p: number) => fmt(MARGIN.top + (1 - p) * size);
  const filled = bins.filter(
    (b): b is CalibrationBin & { meanProbability: number; observedRate: number } =>
      b.meanProbability !== null && b.observedRate !== null,
  );
  const maxCount = Math.max(1, ...filled.map((b) => b.count));

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${fmt(width / 2)}" y="24" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`,
  );
  for (let i = 0; i <= 10; i += 1) {
    const t = i / 10;
    const label = t.toFixed(1);
    parts.push(
      `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" stroke="#eeeeee"/>`,
      `<line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" stroke="#eeeeee"/>`,
      `<text x="${x(t)}" y="${fmt(MARGIN.top + size + 16)}" text-anchor="middle">${label}</text>`,
      `<text x="${fmt(left - 6)}" y="${fmt(MARGIN.top + (1 - t) * size + 4)}" text-anchor="end">${label}</text>`,
    );
  }
  parts.push(
    `<rect x="${x(0)}" y="${y(1)}" width="${size}" height="${size}" fill="none" stroke="#333333"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999999" stroke-dasharray="4 4"/>`,
    `<text x="${fmt(left + size / 2)}" y="${fmt(MARGIN.top + size + 38)}" text-anchor="middle">forecast probability</text>`,
    `<text transform="translate(${fmt(left - 40)} ${fmt(MARGIN.top + size / 2)}) rotate(-90)" text-anchor="middle">observed win rate</text>`,
  );
  if (filled.length > 0) {
    const points = filled.map((b) => `${x(b.meanProbability)},${y(b.observedRate)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="#1f77b4" stroke-width="1.5"/>`);
  }
  for (const b of filled) {
    const radius = fmt(3 + 7 * Math.sqrt(b.count / maxCount));
    parts.push(
      `<circle cx="${x(b.meanProbability)}" cy="${y(b.observedRate)}" r="${radius}" fill="#1f77b4" fill-opacity="0.7"><title>${b.count} games, forecast ${b.meanProbability.toFixed(3)}, observed ${b.observedRate.toFixed(3)}</title></circle>`,
    );
  }
  if (options.caption !== undefined) {
    parts.push(
      `<text x="${fmt(width / 2)}" y="${fmt(height - 10)}" text-anchor="middle" font-size="10" fill="#555555">${escapeXml(options.caption)}</text>`,
    );
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
