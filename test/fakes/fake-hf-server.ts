import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A paper on the fake daily list: its arXiv ID, or the ID with the fields a test cares about. */
export type FakeHfItem =
  | string
  | { id: string; title?: string; summary?: string; publishedAt?: string; submittedOnDailyAt?: string; upvotes?: number; githubRepo?: string; projectPage?: string };

/** One request the fake received. */
export type RecordedHfRequest = { method: string; path: string; query: Record<string, string>; startedAt: number };

export type FakeHf = {
  /** The daily papers endpoint, `http://127.0.0.1:<port>/api/daily_papers`; call it with `?date=YYYY-MM-DD`. */
  url: string;
  /**
   * What `?date=<date>` answers: items (expanded to the real item's shape) or a raw
   * `{ status, body }`. Days never set answer `[]`, like the real API on a day without papers.
   * Items come in pages like the real API's: `limit` (default 50, at most 100) from page `p` (from 0).
   */
  setDay(date: string, answer: FakeHfItem[] | { status: number; body: string }): void;
  requests: RecordedHfRequest[];
  close(): Promise<void>;
};

/** Starts a fake Hugging Face daily papers API on 127.0.0.1 (random port). */
export async function startFakeHf(): Promise<FakeHf> {
  const days = new Map<string, { status: number; body: string } | unknown[]>();
  const requests: RecordedHfRequest[] = [];

  const server = createServer((incoming, outgoing) => {
    const parsed = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(parsed.searchParams);
    requests.push({ method: incoming.method ?? 'GET', path: parsed.pathname, query, startedAt: Date.now() });
    const day = days.get(query.date ?? '') ?? [];
    const limit = Math.min(Number(query.limit ?? 50), 100);
    const page = Number(query.p ?? 0);
    const answer =
      parsed.pathname !== '/api/daily_papers'
        ? { status: 404, body: JSON.stringify({ error: 'Not Found' }) }
        : Array.isArray(day)
          ? { status: 200, body: JSON.stringify(day.slice(page * limit, (page + 1) * limit)) }
          : day;
    outgoing.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/daily_papers`,
    requests,
    setDay(date, answer) {
      days.set(date, Array.isArray(answer) ? answer.map((item) => expand(item, date)) : answer);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// --- internal ---

function expand(item: FakeHfItem, date: string): unknown {
  const {
    id,
    title = `Paper ${typeof item === 'string' ? item : item.id}`,
    summary = 'An abstract.',
    publishedAt = `${date}T08:00:00.000Z`,
    submittedOnDailyAt = publishedAt,
    upvotes = 3,
    githubRepo,
    projectPage,
  } = typeof item === 'string' ? { id: item } : item;
  return {
    paper: {
      id,
      authors: [{ _id: '000000000000000000000001', name: 'Ada Lovelace', hidden: false }],
      publishedAt,
      submittedOnDailyAt,
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
