import type { Period } from '../issue/period.js';
import type { AnnounceType } from '../arxiv/announce-type.js';
import { announcementDay } from '../arxiv/announcement-day.js';
import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { fetchAnnouncements } from '../arxiv/fetch-announcements.js';
import { dedupeArxivIds } from '../arxiv/dedupe-arxiv-ids.js';
import { fetchHfDailyPapers, type FetchFunction, type HfPaperExtras } from '../arxiv/fetch-hf-daily-papers.js';
import { fetchPaperMetadata } from '../arxiv/fetch-paper-metadata.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { IdsFromSource, SourceProblem } from '../arxiv/ids-from-source.js';
import { listArxivCategory } from '../arxiv/list-arxiv-category.js';
import type { ArxivId } from '../arxiv/parse-arxiv-id.js';
import { readIdsList } from '../arxiv/read-ids-list.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import type { RunSource } from '../run/run-report.js';

export type PaperSource =
  /** A day's list, or with `period` the whole month's or ISO week's (collected for `summarize issue`). */
  | { kind: 'hf'; date: string; period?: Period | undefined }
  | { kind: 'arxiv'; date: string; categories: string[] }
  /** arXiv's latest announcement list of the categories (rss.arxiv.org), the chosen announce types only. */
  | { kind: 'arxiv-announced'; categories: string[]; announceTypes: AnnounceType[] }
  | { kind: 'file'; path: string; text: string }
  | { kind: 'stdin'; text: string };

export interface CollectedPapers {
  source: RunSource;
  /** In the source's order, one per paper (duplicates and versions collapsed). */
  papers: PaperMetadata[];
  /** Listed by the source but unknown to arXiv. */
  notFound: string[];
  /** Entries of the source that were not usable IDs. */
  problems: SourceProblem[];
  /** The announcement's day (YYYY-MM-DD) when the source says it: the edition's date. */
  date?: string;
  /** The interests file's example papers that arXiv knows, looked up with the candidates. */
  examples: PaperMetadata[];
  /** What the reader should know about the source (an item skipped, a date that had to be worked out): one line each. */
  warnings?: string[];
}

/** Reads the day's list from its source and looks the papers up on arXiv in batches. */
export async function collectPapers(
  source: PaperSource,
  {
    config,
    arxivQueue,
    fetch,
    limit,
    userAgent,
    exampleIds = [],
    now = () => new Date(),
  }: { config: Config; arxivQueue: ArxivQueue; fetch: FetchFunction; limit?: number | undefined; userAgent: string; exampleIds?: ArxivId[]; now?: () => Date },
): Promise<CollectedPapers> {
  if (source.kind === 'arxiv') {
    const listed = await listArxivCategory(arxivQueue, config.arxivApiUrl, source.categories, source.date);
    const papers = limit === undefined ? listed : listed.slice(0, limit);
    const detail = `${config.arxivApiUrl} ${source.categories.join(', ')} on ${source.date}`;
    const examples = exampleIds.length > 0 ? [...(await fetchPaperMetadata(arxivQueue, config.arxivApiUrl, exampleIds)).values()] : [];
    return { source: { kind: 'arxiv', detail, empty: listed.length === 0 }, papers, notFound: [], problems: [], examples };
  }

  let listed: IdsFromSource;
  let detail: string;
  let extras = new Map<string, HfPaperExtras>();
  let date: string | undefined;
  const warnings: string[] = [];
  if (source.kind === 'hf') {
    const daily = await fetchHfDailyPapers(fetch, config.hfDailyPapersUrl, source.period ?? source.date, { userAgent });
    listed = daily;
    extras = daily.extras;
    detail = `${config.hfDailyPapersUrl}?${source.period ? `${source.period.kind}=${source.period.key}` : `date=${source.date}`}`;
  } else if (source.kind === 'arxiv-announced') {
    const feed = await fetchAnnouncements(arxivQueue, config.arxivRssUrl, source.categories);
    const chosen = feed.papers.filter((paper) => source.announceTypes.includes(paper.announceType));
    listed = { ids: chosen.map((paper) => ({ id: paper.id, version: paper.version })), problems: [] };
    detail = `${feed.url} (${source.announceTypes.join(', ')}: ${chosen.length} of ${feed.papers.length} announced)`;
    for (const reason of feed.skipped) warnings.push(`skipped ${reason} in ${feed.url}`);
    date = feed.date ?? announcementDay(now());
    if (feed.date === null) warnings.push(`${feed.url} has no readable pubDate: the edition is dated ${date}, the latest announcement by arXiv's schedule`);
    if (feed.papers.length === 0) {
      return { source: { kind: 'arxiv-announced', detail, empty: true }, papers: [], notFound: [], problems: [], date, examples: [], warnings };
    }
  } else {
    listed = readIdsList(source.text);
    detail = source.kind === 'file' ? source.path : 'standard input';
  }
  const unique = dedupeArxivIds(listed.ids);
  const wanted = limit === undefined ? unique : unique.slice(0, limit);
  // The examples ride in the same batches as the candidates: no request of their own.
  const candidateIds = new Set(wanted.map((arxivId) => arxivId.id));
  const extraExamples = exampleIds.filter((arxivId) => !candidateIds.has(arxivId.id));
  const lookups = [...wanted, ...extraExamples];
  const metadata = lookups.length > 0 ? await fetchPaperMetadata(arxivQueue, config.arxivApiUrl, lookups) : new Map<string, PaperMetadata>();
  const papers: PaperMetadata[] = [];
  const notFound: string[] = [];
  for (const arxivId of wanted) {
    const paper = metadata.get(arxivId.id);
    if (paper) papers.push({ ...paper, ...extras.get(arxivId.id) });
    else notFound.push(formatArxivId(arxivId));
  }
  const examples = exampleIds.flatMap((arxivId) => metadata.get(arxivId.id) ?? []);
  // An announcement with papers, none of the types asked for, is no weekend: the run says which types there were.
  const empty = source.kind !== 'arxiv-announced' && unique.length === 0 && listed.problems.length === 0;
  return { source: { kind: source.kind, detail, empty }, papers, notFound, problems: listed.problems, ...(date ? { date } : {}), examples, warnings };
}
