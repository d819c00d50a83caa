/**
 * Book maintenance throughput on one core (run with `pnpm bench`): parse + validate + apply of
 * `orderbook_delta` frames through `parseFrame` and `BookSync`, side by side in the same run with
 * the floor — bare `JSON.parse` + a `Map` update — over the same frames. Target: ≥ 0.5× the floor.
 * Also the heap before and after 1,000,000 messages (it must stay flat).
 */
import { BookManager, BookSync, parseFrame } from '../src/index';

const TICKERS = Array.from({ length: 50 }, (_, i) => `KXBENCH-26DEC06-M${i}`);
const N = Number(process.env.BENCH_BOOK_MESSAGES ?? 1_000_000);

function frames(count: number, sidSeq: { seq: number }): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    // Pairs: +1 then -1 at the same level, so every delta applies (none is refused).
    const j = i >> 1;
    const ticker = TICKERS[j % TICKERS.length] as string;
    const price = (1 + (j % 97)) / 100;
    const sign = i % 2 === 0 ? '' : '-';
    out.push(
      JSON.stringify({
        type: 'orderbook_delta',
        sid: 1,
        seq: ++sidSeq.seq,
        msg: {
          market_ticker: ticker,
          market_id: 'f5ed38e2-0991-4c8f-817e-08c4fd9cbfdb',
          price_dollars: price.toFixed(4),
          delta_fp: `${sign}1.00`,
          side: j % 3 === 0 ? 'yes' : 'no',
          ts: '2026-06-11T06:31:29.957081Z',
          ts_ms: 1781159489957 + i,
        },
      }),
    );
  }
  return out;
}

function floor(batch: string[]): void {
  const books = new Map<string, Map<string, number>>();
  for (const text of batch) {
    const m = JSON.parse(text).msg;
    let book = books.get(m.market_ticker);
    if (!book) {
      book = new Map();
      books.set(m.market_ticker, book);
    }
    const key = `${m.side}${m.price_dollars}`;
    book.set(key, (book.get(key) ?? 0) + Number(m.delta_fp));
  }
}

function ours(batch: string[], seq0: number): void {
  const sync = new BookSync(new BookManager());
  const snapshot = (t: string) =>
    parseFrame(
      JSON.stringify({
        type: 'orderbook_snapshot',
        sid: 1,
        seq: seq0,
        msg: { market_ticker: t, yes_dollars_fp: [], no_dollars_fp: [] },
      }),
    );
  for (const t of TICKERS) {
    const f = snapshot(t);
    if (f.kind === 'data') sync.handle(f.message as never);
    sync.sequencer.forget(1);
  }
  sync.sequencer.check(1, seq0, true);
  for (const text of batch) {
    const f = parseFrame(text);
    if (f.kind === 'data' && sync.handle(f.message as never).book === undefined)
      throw new Error('a delta was not applied');
  }
}

const seq = { seq: 0 };
const batch = frames(200_000, seq);
const rates: { floor: number[]; ours: number[] } = { floor: [], ours: [] };
for (let round = 0; round < 6; round++) {
  let t = performance.now();
  floor(batch);
  const floorMs = performance.now() - t;
  t = performance.now();
  ours(batch, 0);
  const oursMs = performance.now() - t;
  if (round > 0) {
    rates.floor.push(batch.length / (floorMs / 1000));
    rates.ours.push(batch.length / (oursMs / 1000));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const f = median(rates.floor);
const o = median(rates.ours);
console.log(
  `book throughput: floor (JSON.parse + Map) ${Math.round(f).toLocaleString('en-US')} msg/s, precog (parse + validate + apply) ${Math.round(o).toLocaleString('en-US')} msg/s, ratio ${(o / f).toFixed(2)} (target >= 0.50)`,
);

// Heap over N messages through one long-lived BookSync (frames generated in chunks).
const sync = new BookSync(new BookManager());
const s2 = { seq: 0 };
let heapStart = 0;
for (let done = 0; done < N; done += 100_000) {
  const chunk = frames(100_000, s2);
  if (done === 0) {
    for (const t of TICKERS) sync.books.book(t).replaceUnits([], []);
    sync.sequencer.check(1, 0, true);
  }
  for (const text of chunk) {
    const fr = parseFrame(text);
    if (fr.kind === 'data') sync.handle(fr.message as never);
  }
  if (done === 0) {
    global.gc?.();
    heapStart = process.memoryUsage().heapUsed;
  }
}
global.gc?.();
const heapEnd = process.memoryUsage().heapUsed;
console.log(
  `heap over ${N.toLocaleString('en-US')} messages: ${(heapStart / 1e6).toFixed(1)} MB after the first 100,000, ${(heapEnd / 1e6).toFixed(1)} MB at the end`,
);
