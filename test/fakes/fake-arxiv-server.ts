import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A paper the fake arXiv knows. Only `id` is required; `version` is the latest version
 * (versions 1..version all exist). `pdf` defaults to a small real one-page PDF showing the title.
 */
export type FakePaper = {
  /** Without version: `2509.08721` or `hep-th/9108004`. */
  id: string;
  /** Latest version. Default: 1. */
  version?: number;
  /** Default: `Paper <id>`. */
  title?: string;
  /** Default: a sentence naming the paper. */
  abstract?: string;
  /** Default: `['Ada Lovelace', 'Alan Turing']`. */
  authors?: string[];
  /** Default: `['cs.LG']`. */
  categories?: string[];
  /** Default: the first of `categories`. */
  primaryCategory?: string;
  /** ISO timestamp of version 1, used by `submittedDate:` queries. Default: `2025-09-10T12:00:00Z`. */
  published?: string;
  /** ISO timestamp of the latest version. Default: `published`. */
  updated?: string;
  /** arXiv's `comment`, `journal_ref` and `doi` elements; absent by default. */
  comment?: string;
  journalRef?: string;
  doi?: string;
  /** The PDF bytes, or a function of the version asked for. Default: `makeFakePdf(title)`. */
  pdf?: Uint8Array | ((version: number) => Uint8Array);
  /** arXiv's HTML rendering at `/html/<id>v<n>`: the page and the files beside it (`x1.png`). Default: none (HTTP 404). */
  html?: { page: string; files: Record<string, Uint8Array> };
};

/** A scripted answer; leave `status` out to serve the normal answer (after `delayMs`, or cut with `truncate`). */
export type FakeResponse = {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Announce the full Content-Length, send half the body, then destroy the socket. */
  truncate?: boolean;
  /** Wait this long before answering anything (headers included). */
  delayMs?: number;
  /** Close the connection without answering at all (a network error for the client). */
  dropConnection?: boolean;
  /** Send the body chunked, without Content-Length, as a server streaming an unknown size would (with `truncate`: cut halfway). */
  omitContentLength?: boolean;
  /** Send the headers and half the body, pause this long, then send the rest (a slow body). */
  stallBodyMs?: number;
};

/** One request the fake received. */
export type RecordedRequest = {
  method: string;
  /** Decoded pathname, e.g. `/api/query` or `/pdf/hep-th/9108004v1`. */
  path: string;
  query: Record<string, string>;
  /** `Date.now()` when the request arrived. */
  startedAt: number;
  /** The client's port: one value across requests means one kept-alive connection. */
  remotePort: number;
  /** Lower-case request headers, e.g. `headers['user-agent']`. */
  headers: Record<string, string | string[] | undefined>;
};

export type FakeArxiv = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `${url}/api/query`, the query API (Atom). */
  apiUrl: string;
  /** `${url}/pdf`, PDFs at `/pdf/<id>v<n>`. */
  pdfUrl: string;
  /** `${url}/rss`, the announcement feed (RSS 2.0) at `/rss/cs.LG+cs.CL`, like rss.arxiv.org. */
  rssUrl: string;
  /** `${url}/html`, arXiv's HTML rendering at `/html/<id>v<n>`. */
  htmlUrl: string;
  addPaper(paper: FakePaper): void;
  /**
   * Sets the latest announcement (`date` YYYY-MM-DD): papers already added, each with its announce type.
   * The feed for some categories lists the entries with any of them; none at all is an empty feed
   * (a weekend). A category outside `FAKE_ARXIV_CATEGORIES` gets rss.arxiv.org's HTTP 400.
   */
  announce(date: string, entries: Array<{ id: string; type: 'new' | 'cross' | 'replace' | 'replace-cross' }>): void;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /**
   * Answers the next `times` (default 1) requests matching `match` (a path prefix such as
   * `/pdf/2509.08721` or `/api/`, or a predicate) with `response` instead of the normal answer.
   */
  failNext(match: string | ((request: RecordedRequest) => boolean), response: FakeResponse, times?: number): void;
  close(): Promise<void>;
};

/**
 * Starts a fake arXiv on 127.0.0.1 (random port) serving the query API (`id_list`; `search_query`
 * with `cat:` terms and `submittedDate:[A TO B]`, `start`, `max_results`) and PDFs.
 * Results for an `id_list` come in reverse order, as arXiv promises no order.
 * A malformed ID gives arXiv's error feed with HTTP 400; an unknown well-formed ID is left out.
 */
export async function startFakeArxiv(options: { papers?: FakePaper[] } = {}): Promise<FakeArxiv> {
  const papers = new Map<string, FakePaper>();
  const scripted: Array<{ match: (request: RecordedRequest) => boolean; response: FakeResponse; remaining: number }> = [];
  const requests: RecordedRequest[] = [];
  let announcement: { date: string; entries: Array<{ id: string; type: string }> } = { date: '2025-09-11', entries: [] };

  const server = createServer((incoming, outgoing) => {
    const parsed = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: decodeURIComponent(parsed.pathname),
      query: Object.fromEntries(parsed.searchParams),
      startedAt: Date.now(),
      remotePort: incoming.socket.remotePort ?? 0,
      headers: incoming.headers,
    };
    requests.push(recorded);
    const index = scripted.findIndex((script) => script.match(recorded));
    const script = index === -1 ? undefined : scripted[index];
    if (script && --script.remaining <= 0) scripted.splice(index, 1);
    void answer(incoming, outgoing, recorded, script?.response).catch(() => outgoing.destroy());
  });

  async function answer(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    recorded: RecordedRequest,
    script: FakeResponse | undefined,
  ): Promise<void> {
    if (script?.delayMs) await delay(script.delayMs);
    if (incoming.destroyed || outgoing.destroyed) return;
    if (script?.dropConnection) {
      incoming.socket.destroy();
      return;
    }
    const normal = script?.status === undefined ? route(recorded) : undefined;
    const status = script?.status ?? normal?.status ?? 200;
    const headers = { ...normal?.headers, ...script?.headers };
    const body = script?.body ?? normal?.body ?? '';
    send(outgoing, status, headers, body, {
      truncate: script?.truncate ?? false,
      omitContentLength: script?.omitContentLength ?? false,
      stallBodyMs: script?.stallBodyMs ?? 0,
    });
  }

  function route(request: RecordedRequest): Answer {
    if (request.path === '/api/query') return answerQuery(papers, request.query);
    if (request.path.startsWith('/pdf/')) return answerPdf(papers, request.path.slice('/pdf/'.length));
    if (request.path.startsWith('/html/')) return answerHtml(papers, request.path.slice('/html/'.length));
    if (request.path.startsWith('/rss/')) return answerRss(papers, announcement, request.path.slice('/rss/'.length));
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: `no route for ${request.path}` };
  }

  for (const paper of options.papers ?? []) papers.set(paper.id, paper);
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}/api/query`,
    pdfUrl: `${url}/pdf`,
    rssUrl: `${url}/rss`,
    htmlUrl: `${url}/html`,
    requests,
    addPaper(paper) {
      papers.set(paper.id, paper);
    },
    announce(date, entries) {
      announcement = { date, entries };
    },
    failNext(match, response, times = 1) {
      const matcher = typeof match === 'string' ? (request: RecordedRequest) => request.path.startsWith(match) : match;
      scripted.push({ match: matcher, response, remaining: times });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A small but real one-page PDF whose text layer holds `lines` (ASCII). */
export function makeFakePdf(...lines: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (character) => `\\${character}`);
  const text = lines.map((line) => `(${escape(line)}) Tj 0 -16 Td`).join('\n');
  const content = `BT /F1 12 Tf 72 720 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** The categories the fake's announcement feed knows; any other gets rss.arxiv.org's "Bad subject class" 400. */
export const FAKE_ARXIV_CATEGORIES = ['cs.LG', 'cs.CL', 'cs.AI', 'cs.IR', 'cs.CV', 'stat.ML', 'math.GT', 'hep-th'];

// --- internal ---

type Answer = { status: number; headers: Record<string, string>; body: string | Uint8Array };

const ID_PATTERN = /^(?:\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v(\d+))?$/;
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

function answerQuery(papers: Map<string, FakePaper>, query: Record<string, string>): Answer {
  const start = Number(query.start ?? 0);
  const maxResults = Number(query.max_results ?? 10);
  const idList = (query.id_list ?? '').split(',').filter((id) => id !== '');
  let matches: Array<{ paper: FakePaper; version: number }> = [];

  if (idList.length > 0) {
    for (const requested of idList) {
      const match = requested.match(ID_PATTERN);
      if (!match) return { status: 400, headers: { 'content-type': ATOM_TYPE }, body: errorFeed(`incorrect id format for ${requested}`) };
      const version = match[1] === undefined ? null : Number(match[1]);
      const id = version === null ? requested : requested.slice(0, requested.lastIndexOf('v'));
      const paper = papers.get(id);
      const latest = paper?.version ?? 1;
      if (paper && (version === null || version <= latest)) matches.push({ paper, version: version ?? latest });
    }
    matches.reverse();
  } else if (query.search_query) {
    const categories = [...query.search_query.matchAll(/cat:([\w.-]+)/g)].map((match) => match[1]);
    const range = query.search_query.match(/submittedDate:\[(\d{12}) TO (\d{12})\]/);
    matches = [...papers.values()]
      .filter((paper) => categories.length === 0 || (paper.categories ?? ['cs.LG']).some((category) => categories.includes(category)))
      .filter((paper) => {
        if (!range) return true;
        const minute = publishedOf(paper).replace(/[-T:]/g, '').slice(0, 12);
        return minute >= (range[1] ?? '') && minute <= (range[2] ?? '');
      })
      .sort((left, right) => publishedOf(left).localeCompare(publishedOf(right)))
      .map((paper) => ({ paper, version: paper.version ?? 1 }));
  }

  const page = matches.slice(start, start + maxResults);
  return { status: 200, headers: { 'content-type': ATOM_TYPE }, body: feed(matches.length, start, page) };
}

function answerPdf(papers: Map<string, FakePaper>, rest: string): Answer {
  const match = rest.replace(/\.pdf$/, '').match(/^(.*?)(?:v(\d+))?$/);
  const paper = papers.get(match?.[1] ?? '');
  const latest = paper?.version ?? 1;
  const version = match?.[2] === undefined ? latest : Number(match[2]);
  if (!paper || version < 1 || version > latest) {
    return { status: 404, headers: { 'content-type': 'text/html' }, body: `<html><body>Paper ${rest} not found</body></html>` };
  }
  const pdf = typeof paper.pdf === 'function' ? paper.pdf(version) : (paper.pdf ?? makeFakePdf(titleOf(paper)));
  return { status: 200, headers: { 'content-type': 'application/pdf' }, body: pdf };
}

// arxiv.org/html/<id>v<n> is the page, arxiv.org/html/<id>v<n>/<file> its images; a paper without a rendering is a 404.
function answerHtml(papers: Map<string, FakePaper>, rest: string): Answer {
  const [versioned = '', ...fileParts] = rest.split('/').filter((part) => part !== '');
  const match = /^(.*?)v(\d+)$/.exec(versioned) ?? /^(.*)$/.exec(versioned);
  const paper = papers.get(match?.[1] ?? '');
  const file = fileParts.join('/');
  if (!paper?.html) return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body>No HTML for this paper</body></html>' };
  if (file === '') return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: paper.html.page };
  const bytes = paper.html.files[file];
  if (!bytes) return { status: 404, headers: { 'content-type': 'text/plain' }, body: `no file ${file}` };
  return { status: 200, headers: { 'content-type': 'image/png' }, body: bytes };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Built to rss.arxiv.org's RSS 2.0: the ID, version and type lead the description; the day is in pubDate, US Eastern.
function answerRss(papers: Map<string, FakePaper>, announcement: { date: string; entries: Array<{ id: string; type: string }> }, spec: string): Answer {
  const categories = spec.split('+');
  for (const category of categories) {
    if (!FAKE_ARXIV_CATEGORIES.includes(category)) {
      const [archive, subject] = category.split('.');
      return {
        status: 400,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Bad subject class '${escapeXml(subject ?? archive ?? '')}'. Valid subject classes for the archive '${escapeXml(archive ?? '')}' are: ${FAKE_ARXIV_CATEGORIES.join(', ')}.</p>\n`,
      };
    }
  }
  const day = new Date(`${announcement.date}T12:00:00Z`);
  const pubDate = `${WEEKDAYS[day.getUTCDay()]}, ${String(day.getUTCDate()).padStart(2, '0')} ${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCFullYear()} 00:00:00 -0400`;
  const items = announcement.entries.flatMap(({ id, type }) => {
    const paper = papers.get(id);
    if (!paper || !(paper.categories ?? ['cs.LG']).some((category) => categories.includes(category))) return [];
    const version = type.startsWith('replace') ? (paper.version ?? 1) : 1;
    const abstract = paper.abstract ?? `We study ${titleOf(paper)} and report what we found.`;
    return [
      `<item>
<title>${escapeXml(titleOf(paper))}</title>
<link>https://arxiv.org/abs/${paper.id}</link>
<description>arXiv:${paper.id}v${version} Announce Type: ${type} 
Abstract: ${escapeXml(abstract)}</description>
<guid isPermaLink="false">oai:arXiv.org:${paper.id}v${version}</guid>
${(paper.categories ?? ['cs.LG']).map((category) => `<category>${category}</category>`).join('\n')}
<pubDate>${pubDate}</pubDate>
<arxiv:announce_type>${type}</arxiv:announce_type>
<dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
<dc:creator>${escapeXml((paper.authors ?? ['Ada Lovelace', 'Alan Turing']).join(', '))}</dc:creator>
</item>`,
    ];
  });
  const body = `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
<channel>
<title>${escapeXml(spec)} updates on arXiv.org</title>
<link>http://rss.arxiv.org/rss/${escapeXml(spec)}</link>
<description>${escapeXml(spec)} updates on the arXiv.org e-print archive.</description>
<atom:link href="http://rss.arxiv.org/rss/${escapeXml(spec)}" rel="self" type="application/rss+xml"/>
<docs>http://www.rssboard.org/rss-specification</docs>
<language>en-us</language>
<lastBuildDate>${pubDate.replace('00:00:00 -0400', '04:00:05 +0000')}</lastBuildDate>
<managingEditor>rss-help@arxiv.org</managingEditor>
<pubDate>${pubDate}</pubDate>
<skipDays>
<day>Sunday</day>
<day>Saturday</day>
</skipDays>
${items.join('\n')}
</channel>
</rss>
`;
  return { status: 200, headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body };
}

function send(
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Uint8Array,
  { truncate, omitContentLength, stallBodyMs }: { truncate: boolean; omitContentLength: boolean; stallBodyMs: number },
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.length);
  outgoing.writeHead(status, omitContentLength ? headers : { 'content-length': String(bytes.length), ...headers });
  if (omitContentLength) {
    // several writes so the client sees a stream, not one block
    const chunkSize = 16 * 1024;
    // With `truncate`, the connection drops halfway through, so the cut shows no length to compare with.
    const end = truncate ? Math.floor(bytes.length / 2) : bytes.length;
    for (let offset = 0; offset < end; offset += chunkSize) outgoing.write(bytes.subarray(offset, Math.min(end, offset + chunkSize)));
    if (truncate) setTimeout(() => outgoing.socket?.destroy(), 20);
    else outgoing.end();
    return;
  }
  const half = Math.floor(bytes.length / 2);
  if (stallBodyMs > 0) {
    outgoing.write(bytes.subarray(0, half));
    setTimeout(() => {
      if (!outgoing.destroyed) outgoing.end(bytes.subarray(half));
    }, stallBodyMs);
    return;
  }
  if (!truncate) {
    outgoing.end(bytes);
    return;
  }
  outgoing.write(bytes.subarray(0, half), () => {
    setTimeout(() => outgoing.socket?.destroy(), 20);
  });
}

function feed(totalResults: number, start: number, page: Array<{ paper: FakePaper; version: number }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query</title>
  <id>http://arxiv.org/api/fake</id>
  <updated>2025-09-11T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${totalResults}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${start}</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${page.length}</opensearch:itemsPerPage>
${page.map(({ paper, version }) => entry(paper, version)).join('')}</feed>
`;
}

function entry(paper: FakePaper, version: number): string {
  const categories = paper.categories ?? ['cs.LG'];
  const primary = paper.primaryCategory ?? categories[0] ?? 'cs.LG';
  const published = publishedOf(paper);
  const updated = version === (paper.version ?? 1) ? (paper.updated ?? published) : published;
  const abstract = paper.abstract ?? `We study ${titleOf(paper)} and report what we found.`;
  return `  <entry>
    <id>http://arxiv.org/abs/${paper.id}v${version}</id>
    <updated>${updated}</updated>
    <published>${published}</published>
    <title>${escapeXml(titleOf(paper))}</title>
    <summary>  ${escapeXml(abstract)}
</summary>
${(paper.authors ?? ['Ada Lovelace', 'Alan Turing']).map((author) => `    <author>\n      <name>${escapeXml(author)}</name>\n    </author>\n`).join('')}    <link href="http://arxiv.org/abs/${paper.id}v${version}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${paper.id}v${version}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${primary}" scheme="http://arxiv.org/schemas/atom"/>
${categories.map((category) => `    <category term="${category}" scheme="http://arxiv.org/schemas/atom"/>\n`).join('')}${arxivExtras(paper)}  </entry>
`;
}

// The API's optional `arxiv:` elements, as the real answers carry them.
function arxivExtras(paper: FakePaper): string {
  const element = (name: string, value: string | undefined) =>
    value === undefined ? '' : `    <arxiv:${name} xmlns:arxiv="http://arxiv.org/schemas/atom">${escapeXml(value)}</arxiv:${name}>\n`;
  return element('comment', paper.comment) + element('journal_ref', paper.journalRef) + element('doi', paper.doi);
}

function errorFeed(message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: error</title>
  <id>http://arxiv.org/api/fake-error</id>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/api/errors#${escapeXml(message.replace(/ /g, '_'))}</id>
    <title>Error</title>
    <summary>${escapeXml(message)}</summary>
    <updated>2025-09-11T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#${escapeXml(message.replace(/ /g, '_'))}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
</feed>
`;
}

function titleOf(paper: FakePaper): string {
  return paper.title ?? `Paper ${paper.id}`;
}

function publishedOf(paper: FakePaper): string {
  return paper.published ?? '2025-09-10T12:00:00Z';
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
