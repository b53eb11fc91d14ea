import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMonth, parseWeek, type Period } from '../../src/issue/period.js';

/** A paper on the fake daily list: its arXiv ID, or the ID with the fields a test cares about. */
export type FakeHfItem =
  | string
  | { id: string; title?: string; summary?: string; publishedAt?: string; upvotes?: number; githubRepo?: string; projectPage?: string };

/** One request the fake received. */
export type RecordedHfRequest = { method: string; path: string; query: Record<string, string>; startedAt: number };

export type FakeHf = {
  /** The daily papers endpoint, `http://127.0.0.1:<port>/api/daily_papers`; call it with `?date=YYYY-MM-DD`, `?month=YYYY-MM` or `?week=YYYY-Www`. */
  url: string;
  /**
   * What `?date=<date>` answers: items (expanded to the real item's shape) or a raw
   * `{ status, body }`. Days never set answer `[]`, like the real API on a day without papers.
   */
  setDay(date: string, answer: FakeHfItem[] | { status: number; body: string }): void;
  requests: RecordedHfRequest[];
  /** Called with each request before it is answered: a test acts at the moment the run reads the list. */
  onRequest(listener: (request: RecordedHfRequest) => void): void;
  close(): Promise<void>;
};

/** Starts a fake Hugging Face daily papers API on 127.0.0.1 (random port). */
export async function startFakeHf(): Promise<FakeHf> {
  const days = new Map<string, { status: number; body: string }>();
  const requests: RecordedHfRequest[] = [];
  const listeners: Array<(request: RecordedHfRequest) => void> = [];

  const server = createServer((incoming, outgoing) => {
    const parsed = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(parsed.searchParams);
    const request = { method: incoming.method ?? 'GET', path: parsed.pathname, query, startedAt: Date.now() };
    requests.push(request);
    for (const listener of listeners) listener(request);
    const answer =
      parsed.pathname === '/api/daily_papers'
        ? page(query.month || query.week ? listPeriod(days, query.month ? parseMonth(query.month) : parseWeek(query.week!)) : (days.get(query.date ?? '') ?? { status: 200, body: '[]' }), query)
        : { status: 404, body: JSON.stringify({ error: 'Not Found' }) };
    outgoing.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/daily_papers`,
    requests,
    onRequest(listener) {
      listeners.push(listener);
    },
    setDay(date, answer) {
      days.set(date, Array.isArray(answer) ? { status: 200, body: JSON.stringify(answer.map((item) => expand(item, date))) } : answer);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// --- internal ---

// `month=` and `week=` list every day of the period, as the real API does; a day set to an error answers that error.
function listPeriod(days: Map<string, { status: number; body: string }>, period: Period): { status: number; body: string } {
  const inPeriod = [...days.entries()].filter(([date]) => date >= period.first && date <= period.last).sort(([left], [right]) => left.localeCompare(right));
  const failing = inPeriod.find(([, answer]) => answer.status !== 200);
  if (failing) return failing[1];
  return { status: 200, body: JSON.stringify(inPeriod.flatMap(([, answer]) => JSON.parse(answer.body) as unknown[])) };
}

function expand(item: FakeHfItem, date: string): unknown {
  const {
    id,
    title = `Paper ${typeof item === 'string' ? item : item.id}`,
    summary = 'An abstract.',
    publishedAt = `${date}T08:00:00.000Z`,
    upvotes = 3,
    githubRepo,
    projectPage,
  } = typeof item === 'string' ? { id: item } : item;
  return {
    paper: {
      id,
      authors: [{ _id: '000000000000000000000001', name: 'Ada Lovelace', hidden: false }],
      publishedAt,
      submittedOnDailyAt: publishedAt,
      title,
      summary,
      upvotes,
      discussionId: '000000000000000000000002',
      // The real item's field names (../shared/fixtures/hf); absent when the authors gave none.
      ...(projectPage === undefined ? {} : { projectPage }),
      ...(githubRepo === undefined ? {} : { githubRepo }),
    },
    publishedAt,
    title,
    summary,
    numComments: 0,
    isAuthorParticipating: false,
  };
}

// Like the real API: pages of `limit` items (default 50, at most 100), page `p` counted from 0.
function page(answer: { status: number; body: string }, query: Record<string, string>): { status: number; body: string } {
  let items: unknown;
  try {
    items = JSON.parse(answer.body);
  } catch {
    return answer;
  }
  if (answer.status !== 200 || !Array.isArray(items)) return answer;
  const limit = Math.min(100, Number(query.limit ?? 50) || 50);
  const start = (Number(query.p ?? 0) || 0) * limit;
  return { status: 200, body: JSON.stringify(items.slice(start, start + limit)) };
}
