import type { PaperMetadata } from '../brief/brief-schema.js';
import { UsageError } from '../errors/brief-error.js';
import { SourceError } from './source-error.js';
import type { ArxivQueue } from './create-arxiv-queue.js';
import { parseDay } from './parse-day.js';
import { queryArxivApi } from './query-arxiv-api.js';

export type ListArxivCategoryOptions = {
  /** Papers per API request. Default: 100. */
  pageSize?: number;
};

// archive[-sub][.Subject-class], e.g. cs.LG, hep-th, math.GT, physics.acc-ph, cond-mat.mes-hall
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;

/** Papers submitted on `date` (UTC, YYYY-MM-DD) in any of `categories`, oldest first, paging until all are read. */
export async function listArxivCategory(
  queue: ArxivQueue,
  apiUrl: string,
  categories: string[],
  date: string,
  { pageSize = 100 }: ListArxivCategoryOptions = {},
): Promise<PaperMetadata[]> {
  const searchQuery = buildSearchQuery(categories, date);
  const papers = new Map<string, PaperMetadata>();
  for (let start = 0; ; start += pageSize) {
    const parameters = new URLSearchParams({
      search_query: searchQuery,
      sortBy: 'submittedDate',
      sortOrder: 'ascending',
      start: String(start),
      max_results: String(pageSize),
    });
    let feed = await queryArxivApi(queue, apiUrl, parameters);
    // The API sometimes answers an empty page mid-listing: asked once more, then the day is not called complete.
    if (feed.entries.length === 0 && start < feed.totalResults) feed = await queryArxivApi(queue, apiUrl, parameters);
    if (feed.entries.length === 0 && start < feed.totalResults) {
      throw new SourceError(`${apiUrl}?${parameters.toString()}`, `arXiv's API answered an empty page at result ${start + 1} of ${feed.totalResults} for ${categories.join(', ')} on ${date}, twice; the listing is incomplete: try again later`);
    }
    for (const entry of feed.entries) if (!papers.has(entry.id)) papers.set(entry.id, entry);
    if (feed.entries.length === 0 || start + pageSize >= feed.totalResults) break;
  }
  return [...papers.values()];
}

/** Refuses what cannot be an arXiv category before any request, naming it. */
export function assertArxivCategories(categories: string[]): void {
  if (categories.length === 0) throw new UsageError('no arXiv category given: expected e.g. cs.LG, hep-th or math.GT');
  for (const category of categories) {
    if (!CATEGORY.test(category)) {
      throw new UsageError(`${JSON.stringify(category)} is not an arXiv category: expected e.g. cs.LG, hep-th or math.GT`);
    }
  }
}

// --- internal ---

function buildSearchQuery(categories: string[], date: string): string {
  assertArxivCategories(categories);
  const { year, month, day } = parseDay(date);
  const stamp = `${year}${month}${day}`;
  const anyCategory = categories.map((category) => `cat:${category}`).join(' OR ');
  return `(${anyCategory}) AND submittedDate:[${stamp}0000 TO ${stamp}2359]`;
}
