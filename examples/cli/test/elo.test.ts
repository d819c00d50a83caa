// `precog elo replay|evaluate`, run in-process through the real program (commander, runAction,
// exit codes). Fixture rows are FiveThirtyEight's (data: FiveThirtyEight (ABC News), CC BY 4.0).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { elo538, replayGames } from '@precog/elo';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProgram } from '../src/cli/run-action';
import { buildProgram } from '../src/main';
import { runCli } from './run-cli';

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'precog-elo-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function precog(...args: string[]): Promise<number> {
  const code = await runProgram(buildProgram(), ['node', 'precog', ...args]);
  process.exitCode = undefined;
  return code;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// The first eight games of 1920 exactly as 538 published them (elo1, elo2 and elo_prob1 are
// theirs), plus a carried-through column with a comma and quotes in it.
const GAMES = `date,season,neutral,playoff,team1,team2,elo1,elo2,elo_prob1,score1,score2,result1,note
1920-09-26,1920,0,0,RII,STP,1503.947,1300.0,0.8246512009492516,48,0,1,"opener, home"
1920-10-03,1920,0,0,AKR,WHE,1503.42,1300.0,0.8242120973373386,43,0,1,
1920-10-03,1920,0,0,RCH,ABU,1503.42,1300.0,0.8242120973373386,10,0,1,
1920-10-03,1920,0,0,DAY,COL,1493.002,1504.908,0.5758191240920725,14,0,1,
1920-10-03,1920,0,0,RII,MUN,1516.108,1478.004,0.6441710901126361,45,0,1,"second ""RII"" game"
1920-10-03,1920,0,0,CHI,MUT,1368.333,1300.0,0.6829855714913705,20,0,1,
1920-10-03,1920,0,0,CBD,PTQ,1504.688,1300.0,0.8252671507782987,48,0,1,
1920-10-03,1920,0,0,BFF,WBU,1478.004,1300.0,0.8020003005487033,32,6,1,
`;
// 538's initial ratings of the fifteen franchises above.
const INITIAL = `team,elo
ABU,1300.0
AKR,1503.42
BFF,1478.004
CBD,1504.688
CHI,1368.333
COL,1504.908
DAY,1493.002
MUN,1478.004
MUT,1300.0
PTQ,1300.0
RCH,1503.42
RII,1503.947
STP,1300.0
WBU,1300.0
WHE,1300.0
`;

describe('precog elo replay', () => {
  it("writes every input row plus our ratings and probability, replacing 538's elo_prob1", async () => {
    const games = file('games.csv', GAMES);
    const initial = file('initial.csv', INITIAL);
    const out = join(dir, 'out.csv');
    expect(
      await precog('elo', 'replay', '--games', games, '--initial', initial, '--preset', '538', '--out', out),
    ).toBe(0);
    expect(stdout).toBe(`wrote 8 games (8 played and rated) to ${out}\n`);

    const input = parse(GAMES, { columns: true }) as Record<string, string>[];
    const output = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    const header = readFileSync(out, 'utf8').split('\n')[0];
    expect(header).toBe(
      'date,season,neutral,playoff,team1,team2,elo1,elo2,elo_prob1,score1,score2,result1,note,elo1_pre,elo2_pre,elo1_post,elo2_post',
    );
    const expected = replayGames(
      input.map((r) => ({
        season: Number(r.season),
        neutral: r.neutral === '1',
        home: r.team1 ?? '',
        away: r.team2 ?? '',
        homeScore: Number(r.score1),
        awayScore: Number(r.score2),
      })),
      {
        ...elo538,
        initialRatings: Object.fromEntries(
          INITIAL.trim()
            .split('\n')
            .slice(1)
            .map((l) => l.split(','))
            .map(([t, e]) => [t, Number(e)]),
        ),
      },
    );
    output.forEach((row, i) => {
      const record = expected[i];
      expect({ ...row }).toEqual({
        ...input[i],
        elo1_pre: String(record?.homeRatingBefore),
        elo2_pre: String(record?.awayRatingBefore),
        elo_prob1: String(record?.probability),
        elo1_post: String(record?.homeRatingAfter),
        elo2_post: String(record?.awayRatingAfter),
      });
      // Full precision: the text reads back as exactly the float we computed.
      expect(Number(row.elo_prob1)).toBe(record?.probability);
    });
    // Our probabilities agree with the ones 538 published for these games.
    input.forEach((row, i) => {
      expect(Math.abs(Number(output[i]?.elo_prob1) - Number(row.elo_prob1))).toBeLessThan(1e-5);
      expect(Math.abs(Number(output[i]?.elo1_pre) - Number(row.elo1))).toBeLessThan(1e-2);
    });
    expect(output[0]?.note).toBe('opener, home');
    expect(output[4]?.note).toBe('second "RII" game');
  });

  it('predicts an unplayed game (blank scores) and leaves its post-game ratings blank', async () => {
    const games = file(
      'games.csv',
      'date,season,neutral,playoff,team1,team2,score1,score2\n2024-09-05,2024,0,,KC,BAL,27,20\n2024-09-12,2024,0,,BAL,KC,,\n',
    );
    const out = join(dir, 'out.csv');
    expect(await precog('elo', 'replay', '--games', games, '--out', out)).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    const first = replayGames([{ season: 2024, home: 'KC', away: 'BAL', homeScore: 27, awayScore: 20 }])[0];
    expect(rows[1]).toEqual({
      date: '2024-09-12',
      season: '2024',
      neutral: '0',
      playoff: '',
      team1: 'BAL',
      team2: 'KC',
      score1: '',
      score2: '',
      elo1_pre: String(first?.awayRatingAfter),
      elo2_pre: String(first?.homeRatingAfter),
      elo_prob1: String(
        1 / (10 ** (-((first?.awayRatingAfter ?? 0) - (first?.homeRatingAfter ?? 0) + 48) / 400) + 1),
      ),
      elo1_post: '',
      elo2_post: '',
    });
  });
});

describe('precog elo replay of the full 538 file', () => {
  it("reproduces 538's published elo_prob1 (1e-5) and ratings (1e-2) on all 16,810 games", async () => {
    const fixtures = new URL('../../../packages/elo/test/fixtures/', import.meta.url).pathname;
    const out = join(dir, 'full.csv');
    const code = await precog(
      'elo',
      'replay',
      '--games',
      join(fixtures, '538_nfl_games_1920_2020.csv'),
      '--initial',
      join(fixtures, '538_initial_elos.csv'),
      '--preset',
      '538',
      '--out',
      out,
    );
    expect(code).toBe(0);
    const published = parse(readFileSync(join(fixtures, '538_nfl_games_1920_2020.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const ours = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(ours).toHaveLength(16_810);
    let probability = 0;
    let rating = 0;
    ours.forEach((row, i) => {
      const theirs = published[i] ?? {};
      expect(row.date).toBe(theirs.date);
      probability = Math.max(probability, Math.abs(Number(row.elo_prob1) - Number(theirs.elo_prob1)));
      rating = Math.max(
        rating,
        Math.abs(Number(row.elo1_pre) - Number(theirs.elo1)),
        Math.abs(Number(row.elo2_pre) - Number(theirs.elo2)),
      );
    });
    expect(probability).toBeLessThan(1e-5);
    expect(rating).toBeLessThan(1e-2);
  });
});

describe('precog elo evaluate', () => {
  it('prints Brier, log loss, points per season and the calibration table, and writes the plot', async () => {
    const games = file('games.csv', GAMES);
    const initial = file('initial.csv', INITIAL);
    const plot = join(dir, 'calibration.svg');
    const caption = 'Data: FiveThirtyEight (ABC News), CC BY 4.0';
    const args = [
      '--games',
      games,
      '--initial',
      initial,
      '--preset',
      '538',
      '--plot',
      plot,
      '--caption',
      caption,
    ];
    expect(await precog('elo', 'evaluate', ...args)).toBe(0);
    expect(stdout).toContain(`${games}: 8 played games scored, seasons 1920–1920, preset 538\n`);
    expect(stdout).toMatch(/^Brier score {2}0\.\d{4}$/m);
    expect(stdout).toMatch(/^Log loss {5}0\.\d{4}$/m);
    expect(stdout).toContain('538 game points per season');
    expect(stdout).toMatch(/^1920 {4}\S+ +8$/m);
    expect(stdout).toMatch(/^0\.8-0\.9 +5 +0\.8\d\d +1\.000$/m);
    expect(stdout).toContain(`wrote the calibration plot to ${plot}`);
    const svg = readFileSync(plot, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<title>Elo calibration: preset 538, 1920–1920 (8 games)</title>');
    expect(svg).toContain(`>${caption}</text>`);
  });

  it('prints the evaluation as JSON with --json', async () => {
    const games = file('games.csv', GAMES);
    expect(
      await precog('--json', 'elo', 'evaluate', '--games', games, '--preset', '538', '--from', '1920'),
    ).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.games).toBe(8);
    expect(result.preset).toBe('538');
    expect(result.points.seasons).toEqual([{ season: 1920, points: expect.any(Number), games: 8 }]);
    expect(result.calibration).toHaveLength(10);
  });
});

describe('bad input', () => {
  const header = 'date,season,neutral,playoff,team1,team2,score1,score2\n';

  async function failing(args: string[]): Promise<string> {
    expect(await precog('elo', ...args)).toBe(2);
    expect(stdout).toBe('');
    return stderr;
  }

  it('names the file and line of a missing column', async () => {
    const games = file(
      'games.csv',
      'date,season,neutral,playoff,team1,team2,score1\n2020-01-01,2020,0,0,A,B,1\n',
    );
    expect(await failing(['evaluate', '--games', games])).toBe(
      `precog: ${games}:1: missing column 'score2' (the header has: date, season, neutral, playoff, team1, team2, score1)\n`,
    );
  });

  it('names the file, line and team of an unknown team when there is no default rating', async () => {
    const games = file(
      'games.csv',
      `${header}1920-01-01,1920,0,0,RII,STP,1,0\n1920-01-08,1920,0,0,RII,XYZ,3,0\n`,
    );
    const initial = file('initial.csv', INITIAL);
    expect(
      await failing(['replay', '--games', games, '--initial', initial, '--out', join(dir, 'o.csv')]),
    ).toBe(`precog: ${games}:3: unknown team 'XYZ': not in ${initial} and no --default-rating\n`);
  });

  it('accepts the unknown team once a default rating is given', async () => {
    const games = file('games.csv', `${header}1920-01-08,1920,0,0,RII,XYZ,3,0\n`);
    const initial = file('initial.csv', INITIAL);
    const out = join(dir, 'o.csv');
    expect(
      await precog(
        'elo',
        'replay',
        '--games',
        games,
        '--initial',
        initial,
        '--default-rating',
        '1400',
        '--out',
        out,
      ),
    ).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows[0]?.elo2_pre).toBe('1400');
  });

  it('names the file and line of an unparsable score', async () => {
    const games = file('games.csv', `${header}2020-01-01,2020,0,0,A,B,21,1O\n`);
    expect(await failing(['replay', '--games', games, '--out', join(dir, 'o.csv')])).toBe(
      `precog: ${games}:2: score2 '1O' is not a number\n`,
    );
  });

  it('names the file and line of a bad season, neutral flag, blank team or one blank score', async () => {
    const cases: [string, string][] = [
      ['2020-01-01,20x0,0,0,A,B,1,0', "season '20x0' is not a whole number"],
      ['2020-01-01,2020,yes,0,A,B,1,0', "neutral 'yes' must be 0 or 1"],
      ['2020-01-01,2020,0,0,,B,1,0', 'team1 is blank'],
      ['2020-01-01,2020,0,0,A,,1,0', 'team2 is blank'],
      ['2020-01-01,2020,0,0,A,B,,0', "score1 '' is not a number"],
    ];
    for (const [row, problem] of cases) {
      stderr = '';
      const games = file('games.csv', `${header}${row}\n`);
      expect(await failing(['evaluate', '--games', games])).toBe(`precog: ${games}:2: ${problem}\n`);
    }
  });

  it('reports a CSV syntax error, a missing file and a bad initial ratings file', async () => {
    const ragged = file('ragged.csv', `${header}2020-01-01,2020,0,0,A,B,1,0,extra\n`);
    expect(await failing(['evaluate', '--games', ragged])).toMatch(
      new RegExp(`^precog: ${ragged}:2: not valid CSV: Invalid Record Length`),
    );
    stderr = '';
    const missing = join(dir, 'nope.csv');
    expect(await failing(['evaluate', '--games', missing])).toBe(`precog: ${missing}: file not found\n`);
    stderr = '';
    const games = file('games.csv', `${header}2020-01-01,2020,0,0,A,B,1,0\n`);
    const initial = file('initial.csv', 'team,elo\nA,1500\nB,fifteen\n');
    expect(await failing(['evaluate', '--games', games, '--initial', initial])).toBe(
      `precog: ${initial}:3: elo 'fifteen' is not a number\n`,
    );
    stderr = '';
    const noElo = file('noelo.csv', 'team,rating\nA,1500\n');
    expect(await failing(['evaluate', '--games', games, '--initial', noElo])).toBe(
      `precog: ${noElo}:1: missing column 'elo' (the header has: team, rating)\n`,
    );
  });

  it('rejects a bad --default-rating and a bad --from as usage errors', async () => {
    const games = file('games.csv', `${header}2020-01-01,2020,0,0,A,B,1,0\n`);
    expect(await failing(['evaluate', '--games', games, '--default-rating', 'high'])).toBe(
      "precog: --default-rating: 'high' is not a number\n",
    );
    stderr = '';
    expect(await failing(['evaluate', '--games', games, '--from', '20'])).toBe(
      "precog: --from: '20' is not a season (a year)\n",
    );
    stderr = '';
    expect(await failing(['evaluate', '--games', games, '--from', '2021'])).toBe(
      `precog: ${games}: no played games in the selected seasons\n`,
    );
  });

  it('rejects an unknown preset as a usage error', async () => {
    const games = file('games.csv', `${header}2020-01-01,2020,0,0,A,B,1,0\n`);
    expect(await precog('elo', 'evaluate', '--games', games, '--preset', 'fivethirtyeight')).toBe(2);
    expect(stderr).toContain("option '--preset <name>' argument 'fivethirtyeight' is invalid");
  });
});

describe('the precog process', () => {
  it('resolves relative paths against the directory the user ran it from', () => {
    file('games.csv', GAMES);
    file('initial.csv', INITIAL);
    const result = runCli(
      [
        'elo',
        'replay',
        '--games',
        'games.csv',
        '--initial',
        'initial.csv',
        '--preset',
        '538',
        '--out',
        'out.csv',
      ],
      { cwd: dir },
    );
    expect(result).toEqual({
      code: 0,
      stdout: 'wrote 8 games (8 played and rated) to out.csv\n',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').split('\n')).toHaveLength(10);
  });

  it('exits with code 2 and one message line naming the file as given', () => {
    file('games.csv', 'date,season\n');
    const result = runCli(['elo', 'evaluate', '--games', 'games.csv'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "precog: games.csv:1: missing column 'neutral' (the header has: date, season)\n",
    });
  });
});
