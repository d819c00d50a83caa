import { paginate } from './pagination';
import type { ExchangeState } from './state';
import { exchangeError, jsonResponse, type WireResponse } from './wire-errors';

/** A milestone the fake serves under `/milestones` (wire field names). */
export interface FakeMilestoneInput {
  id: string;
  /** Default `football_game`. */
  type?: string;
  /** Default `Sports`. */
  category?: string;
  title?: string;
  startDate: Date;
  relatedEventTickers?: string[];
  sourceId?: string;
  /** Free-form, for example `{ home_team: 'DEN', away_team: 'KC', competition: 'NFL' }`. */
  details?: Record<string, unknown>;
}

interface Book {
  milestones: Array<FakeMilestoneInput & { seq: number }>;
  live: Map<string, { type: string; details: Record<string, unknown> }>;
  seq: number;
}

const books = new WeakMap<ExchangeState, Book>();

function bookOf(state: ExchangeState): Book {
  let book = books.get(state);
  if (!book) {
    book = { milestones: [], live: new Map(), seq: 0 };
    books.set(state, book);
  }
  return book;
}

/** Adds (or replaces) a milestone. */
export function addMilestone(state: ExchangeState, input: FakeMilestoneInput): void {
  const book = bookOf(state);
  book.milestones = book.milestones.filter((m) => m.id !== input.id);
  book.milestones.push({ ...input, seq: ++book.seq });
}

/** Sets the live data `details` of a milestone. */
export function setLiveData(
  state: ExchangeState,
  milestoneId: string,
  details: Record<string, unknown>,
): void {
  const book = bookOf(state);
  const type = book.milestones.find((m) => m.id === milestoneId)?.type ?? 'football_game';
  book.live.set(milestoneId, { type, details });
}

function milestoneBody(m: FakeMilestoneInput): Record<string, unknown> {
  const tickers = m.relatedEventTickers ?? [];
  return {
    category: m.category ?? 'Sports',
    details: m.details ?? {},
    id: m.id,
    notification_message: `${m.title ?? m.id} is starting`,
    primary_event_tickers: tickers.slice(0, 1),
    related_event_tickers: tickers,
    start_date: m.startDate.toISOString().replace('.000Z', 'Z'),
    title: m.title ?? m.id,
    type: m.type ?? 'football_game',
    ...(m.sourceId === undefined ? {} : { source_id: m.sourceId }),
  };
}

function liveBody(book: Book, id: string): Record<string, unknown> | undefined {
  const live = book.live.get(id);
  return live ? { details: live.details, milestone_id: id, type: live.type } : undefined;
}

/** Routes `/milestones*` and `/live_data*` (GET); undefined for any other path. */
export function routeLiveData(
  state: ExchangeState,
  method: string,
  seg: readonly string[],
  query: URLSearchParams,
): WireResponse | undefined {
  if (method !== 'GET') return undefined;
  const [a, b, c, d] = seg;
  const book = bookOf(state);
  if (a === 'milestones' && b === undefined) {
    const type = query.get('type');
    const related = query.get('related_event_ticker');
    const items = book.milestones.filter(
      (m) =>
        (!type || (m.type ?? 'football_game') === type) &&
        (!related || (m.relatedEventTickers ?? []).includes(related)),
    );
    const limit = Number(query.get('limit') ?? 100);
    const { page, cursor } = paginate(items, (m) => m.seq, 'asc', 'milestones', query.get('cursor'), limit);
    return jsonResponse(200, { cursor, milestones: page.map(milestoneBody) });
  }
  if (a === 'milestones' && b !== undefined && c === undefined) {
    const m = book.milestones.find((x) => x.id === b);
    return m ? jsonResponse(200, { milestone: milestoneBody(m) }) : exchangeError(404, 'not_found');
  }
  if (a !== 'live_data') return undefined;
  if (b === 'batch' && c === undefined) {
    const ids = (query.get('milestone_ids') ?? '').split(',').filter((s) => s !== '');
    return jsonResponse(200, {
      live_datas: ids.map((id) => liveBody(book, id)).filter((x) => x !== undefined),
    });
  }
  const id = b === 'milestone' && d === undefined ? c : c === 'milestone' ? d : undefined;
  if (id === undefined) return undefined;
  const body = liveBody(book, id);
  return body ? jsonResponse(200, { live_data: body }) : exchangeError(404, 'not_found');
}
