// `--plot FILE.svg`: the equity curve as a standalone SVG (no library). Coordinates are pixels,
// so the Decimal values are turned into numbers here and only here.
import type { BacktestReport } from './report';

/** Options of {@link equityCurveSvg}. */
export interface EquityCurveSvgOptions {
  /** Pixels. Default 800. */
  width?: number | undefined;
  /** Pixels. Default 320. */
  height?: number | undefined;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/**
 * Draws `report.equity` (cash + open positions at their marks) over time as a step line, with
 * the zero line of the starting bankroll, the range on the axis and the net P&L in the title.
 */
export function equityCurveSvg(report: BacktestReport, options: EquityCurveSvgOptions = {}): string {
  const width = options.width ?? 800;
  const height = options.height ?? 320;
  const pad = { left: 70, right: 20, top: 36, bottom: 40 };
  const points = report.equity.filter((p) => Number.isFinite(p.time));
  const start = report.equity[0]?.value;
  const values = points.map((p) => Number(p.value.toFixed(6)));
  const times = points.map((p) => p.time);
  const base = start === undefined ? 0 : Number(start.toFixed(6));
  const lo = Math.min(base, ...values);
  const hi = Math.max(base, ...values);
  const t0 = times[0] ?? 0;
  const t1 = times[times.length - 1] ?? t0;
  const x = (t: number) =>
    pad.left + (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right));
  const y = (v: number) =>
    pad.top +
    (hi === lo
      ? (height - pad.top - pad.bottom) / 2
      : ((hi - v) / (hi - lo)) * (height - pad.top - pad.bottom));
  let path = '';
  points.forEach((_, i) => {
    const px = x(times[i] as number).toFixed(1);
    const py = y(values[i] as number).toFixed(1);
    if (i === 0) path += `M${px},${py}`;
    else path += `H${px}V${py}`;
  });
  const title = `${report.strategy} · ${report.model} · net P&L ${report.pnl.toFixed()} · max drawdown ${report.maxDrawdown.toFixed()}`;
  const date = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${pad.left}" y="20" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(base).toFixed(1)}" y2="${y(base).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`,
    `<text x="${pad.left - 6}" y="${y(hi).toFixed(1)}" text-anchor="end">${hi.toFixed(2)}</text>`,
    `<text x="${pad.left - 6}" y="${y(lo).toFixed(1)}" text-anchor="end">${lo.toFixed(2)}</text>`,
    `<text x="${pad.left}" y="${height - 12}">${escapeXml(date(t0))}</text>`,
    `<text x="${width - pad.right}" y="${height - 12}" text-anchor="end">${escapeXml(date(t1))}</text>`,
    path === '' ? '' : `<path d="${path}" fill="none" stroke="#1f6feb" stroke-width="1.5"/>`,
    '</svg>',
    '',
  ].join('\n');
}
