import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { dedupeArxivIds } from '../arxiv/dedupe-arxiv-ids.js';
import { fetchHfDailyPapers, type FetchFunction } from '../arxiv/fetch-hf-daily-papers.js';
import { fetchPaperMetadata } from '../arxiv/fetch-paper-metadata.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { IdsFromSource, SourceProblem } from '../arxiv/ids-from-source.js';
import { listArxivCategory } from '../arxiv/list-arxiv-category.js';
import { readIdsList } from '../arxiv/read-ids-list.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import type { RunSource } from './run-report.js';

export type PaperSource =
  | { kind: 'hf'; date: string }
  | { kind: 'arxiv'; date: string; categories: string[] }
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
}

/** Reads the day's list from its source and looks the papers up on arXiv in batches. */
export async function collectPapers(
  source: PaperSource,
  { config, arxivQueue, fetch, limit, userAgent }: { config: Config; arxivQueue: ArxivQueue; fetch: FetchFunction; limit?: number; userAgent: string },
): Promise<CollectedPapers> {
  if (source.kind === 'arxiv') {
    const listed = await listArxivCategory(arxivQueue, config.arxivApiUrl, source.categories, source.date);
    const papers = limit === undefined ? listed : listed.slice(0, limit);
    const detail = `${config.arxivApiUrl} ${source.categories.join(', ')} on ${source.date}`;
    return { source: { kind: 'arxiv', detail, empty: listed.length === 0 }, papers, notFound: [], problems: [] };
  }

  let listed: IdsFromSource;
  let detail: string;
  if (source.kind === 'hf') {
    listed = await fetchHfDailyPapers(fetch, config.hfDailyPapersUrl, source.date, { userAgent });
    detail = `${config.hfDailyPapersUrl}?date=${source.date}`;
  } else {
    listed = readIdsList(source.text);
    detail = source.kind === 'file' ? source.path : 'standard input';
  }
  const unique = dedupeArxivIds(listed.ids);
  const wanted = limit === undefined ? unique : unique.slice(0, limit);
  const metadata = wanted.length > 0 ? await fetchPaperMetadata(arxivQueue, config.arxivApiUrl, wanted) : new Map();
  const papers: PaperMetadata[] = [];
  const notFound: string[] = [];
  for (const arxivId of wanted) {
    const paper = metadata.get(arxivId.id);
    if (paper) papers.push(paper);
    else notFound.push(formatArxivId(arxivId));
  }
  const empty = unique.length === 0 && listed.problems.length === 0;
  return { source: { kind: source.kind, detail, empty }, papers, notFound, problems: listed.problems };
}
