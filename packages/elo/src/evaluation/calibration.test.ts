import { describe, expect, it } from 'vitest';
import { calibrationTable } from './calibration';
import { calibrationSvg } from './calibration-svg';
import { evaluateForecasts } from './evaluate';

const forecasts = [
  { probability: 0.05, outcome: 0 },
  { probability: 0.15, outcome: 1 },
  { probability: 0.12, outcome: 0 },
  { probability: 0.9, outcome: 1 },
  { probability: 1, outcome: 0.5 },
];

describe('calibrationTable', () => {
  it('bins forecasts by probability and reports mean forecast and observed rate per bin', () => {
    const table = calibrationTable(forecasts, { bins: 5 });
    expect(table).toHaveLength(5);
    expect(table[0]).toEqual({
      lower: 0,
      upper: 0.2,
      count: 3,
      meanProbability: (0.05 + 0.15 + 0.12) / 3,
      observedRate: 1 / 3,
    });
    expect(table[1]).toEqual({ lower: 0.2, upper: 0.4, count: 0, meanProbability: null, observedRate: null });
    // 1.0 falls in the last bin, which includes its upper edge; the tie counts 0.5.
    expect(table[4]).toEqual({ lower: 0.8, upper: 1, count: 2, meanProbability: 0.95, observedRate: 0.75 });
  });

  it('uses ten bins by default and refuses bad input', () => {
    expect(calibrationTable(forecasts)).toHaveLength(10);
    expect(() => calibrationTable(forecasts, { bins: 0 })).toThrow('bins must be a positive integer, got 0');
    expect(() => calibrationTable([{ probability: 1.2, outcome: 1 }])).toThrow(
      'probability 1.2 is outside [0, 1]',
    );
  });
});

describe('calibrationSvg', () => {
  it('draws one dot per non-empty bin, the diagonal, and an escaped title and caption', () => {
    const svg = calibrationSvg(calibrationTable(forecasts, { bins: 5 }), {
      title: 'Elo <nfl> & 538',
      caption: 'Data: FiveThirtyEight (ABC News), CC BY 4.0',
      size: 200,
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="280" height="316"')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('<title>Elo &#60;nfl&#62; &#38; 538</title>');
    expect(svg).toContain('Data: FiveThirtyEight (ABC News), CC BY 4.0');
    expect(svg).toContain('stroke-dasharray="4 4"');
    // The 0–0.2 bin: mean 0.10667, observed 0.3333 → x = 56 + 0.10667 × 200, y = 40 + (1 − 0.3333) × 200.
    expect(svg).toContain('cx="77.33" cy="173.33"');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('widens the canvas for a caption longer than the plot', () => {
    const caption = 'x'.repeat(100);
    expect(calibrationSvg([], { caption, size: 200 })).toContain('width="566" height="316"');
  });

  it('draws an empty chart when no bin has forecasts', () => {
    const svg = calibrationSvg([{ lower: 0, upper: 1, count: 0, meanProbability: null, observedRate: null }]);
    expect(svg).not.toContain('<circle');
    expect(svg).not.toContain('<polyline');
    expect(svg).toContain('<title>Calibration</title>');
  });
});

describe('evaluateForecasts', () => {
  it('reports games, Brier, log loss, points and a 10-bin calibration table', () => {
    const withSeasons = forecasts.map((f) => ({ ...f, season: 2000 }));
    const result = evaluateForecasts(withSeasons);
    expect(result.games).toBe(5);
    expect(result.brier).toBeCloseTo((0.05 ** 2 + 0.85 ** 2 + 0.12 ** 2 + 0.1 ** 2 + 0.5 ** 2) / 5, 15);
    expect(result.points?.seasons).toHaveLength(1);
    expect(result.calibration).toHaveLength(10);
    expect(evaluateForecasts(forecasts).points).toBeNull();
  });
});
