import { z } from 'zod';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { ENV_NAMES } from '../config/config-schema.js';
import { BriefError } from '../errors/brief-error.js';
import { dedupeArxivIds } from './dedupe-arxiv-ids.js';
import type { IdsFromSource, SourceProblem } from './ids-from-source.js';
import { parseArxivId, type ArxivId } from './parse-arxiv-id.js';
import { parseDay } from './parse-day.js';
import { SourceError } from './source-error.js';
import { describeNetworkError } from '../http/describe-network-error.js';
import { safeUrl } from '../text/safe-url.js';
import { previewBody } from '../http/preview-body.js';

/** What we need of `fetch` (undici's and the global one both fit). */
export type FetchFunction = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ status: number; text(): Promise<string> }>;

export type FetchHfDailyPapersOptions = {
  /** Default: 30_000. */
  timeoutMs?: number;
  /** Default: none. */
  userAgent?: string;
};

/** A month (`2025-09`) or ISO week (`2025-W37`) the API lists at once, with its first and last day. */
export interface HfListingPeriod {
  kind: 'month' | 'week';
  key: string;
  first: string;
  last: string;
}

/** What Hugging Face adds to a paper's arXiv metadata; links only when https. */
export type HfPaperExtras = Pick<PaperMetadata, 'upvotes' | 'githubRepo' | 'projectPage'>;

/** The day's IDs, and per arXiv ID (without version) what Hugging Face knows of it. */
export type HfDailyPapers = IdsFromSource & { extras: Map<string, HfPaperExtras> };

// only what we use; the real items carry much more, and a malformed extra is dropped, not fatal
const DailyPapersSchema = z.array(
  z.object({
    paper: z.object({
      id: z.string(),
      submittedOnDailyAt: z.string().optional().catch(undefined),
      upvotes: z.number().int().nonnegative().optional().catch(undefined),
      githubRepo: z.string().optional().catch(undefined),
      projectPage: z.string().optional().catch(undefined),
    }),
  }),
);

const OK = 200;
// The API's largest page; a longer day comes in several (`p` counted from 0).
const PAGE_SIZE = 100;
// A bound on pages, so an API that ignored `p` could not loop forever: 50 pages are 5,000 papers.
const MAX_PAGES = 50;

/**
 * The arXiv IDs on Hugging Face's daily papers list for one day (YYYY-MM-DD), or for a whole month or
 * ISO week, which the API lists directly (`month=2025-09`, `week=2025-W37`).
 */
export async function fetchHfDailyPapers(
  fetchFunction: FetchFunction,
  url: string,
  listing: string | HfListingPeriod,
  { timeoutMs = 30_000, userAgent }: FetchHfDailyPapersOptions = {},
): Promise<HfDailyPapers> {
  const { query, first, last } = typeof listing === 'string' ? { query: `date=${listing}`, first: listing, last: listing } : { query: `${listing.kind}=${listing.key}`, ...listing };
  if (typeof listing === 'string') parseDay(listing);
  const asked = first === last ? first : `${first} to ${last}`;
  const items: DailyPaperItem[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const pageItems = await fetchPage(fetchFunction, `${url}?${query}&limit=${PAGE_SIZE}&p=${page}`, timeoutMs, userAgent);
    items.push(...pageItems);
    if (pageItems.length < PAGE_SIZE) break;
  }

  const ids: ArxivId[] = [];
  const problems: SourceProblem[] = [];
  const extras = new Map<string, HfPaperExtras>();
  items.forEach((item, index) => {
    // An API that ignored the date would hand us another day's list as this one.
    const listedOn = item.paper.submittedOnDailyAt?.slice(0, 10);
    if (listedOn !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(listedOn) && (listedOn < first || listedOn > last)) {
      problems.push({ entry: item.paper.id, message: `item ${index + 1}: on the daily list of ${listedOn}, not ${asked}` });
      return;
    }
    try {
      const arxivId = parseArxivId(item.paper.id);
      ids.push(arxivId);
      if (!extras.has(arxivId.id)) extras.set(arxivId.id, readExtras(item.paper));
    } catch (error) {
      if (!(error instanceof BriefError)) throw error;
      problems.push({ entry: item.paper.id, message: `item ${index + 1}: ${error.message}` });
    }
  });
  return { ids: dedupeArxivIds(ids), problems, extras };
}

// --- internal ---

type DailyPaperItem = z.infer<typeof DailyPapersSchema>[number];

async function fetchPage(fetchFunction: FetchFunction, requestUrl: string, timeoutMs: number, userAgent: string | undefined): Promise<DailyPaperItem[]> {
  const text = await fetchText(fetchFunction, requestUrl, timeoutMs, userAgent);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SourceError(requestUrl, `Hugging Face daily papers answered something that is not JSON from ${requestUrl}: ${previewBody(text)}`, {
      cause: error,
    });
  }
  const result = DailyPapersSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new SourceError(
      requestUrl,
      `Hugging Face daily papers answered an unexpected shape from ${requestUrl} (expected [{ paper: { id } }]): ${problems.join('; ')}`,
      { cause: result.error },
    );
  }
  return result.data;
}

function readExtras(paper: { upvotes?: number | undefined; githubRepo?: string | undefined; projectPage?: string | undefined }): HfPaperExtras {
  const githubRepo = paper.githubRepo ? safeUrl(paper.githubRepo, 'any') : null;
  const projectPage = paper.projectPage ? safeUrl(paper.projectPage, 'any') : null;
  return {
    ...(paper.upvotes === undefined ? {} : { upvotes: paper.upvotes }),
    ...(githubRepo ? { githubRepo } : {}),
    ...(projectPage ? { projectPage } : {}),
  };
}

async function fetchText(fetchFunction: FetchFunction, requestUrl: string, timeoutMs: number, userAgent: string | undefined): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchFunction(requestUrl, {
      signal,
      headers: { accept: 'application/json', ...(userAgent ? { 'user-agent': userAgent } : {}) },
    });
    const text = await response.text();
    if (response.status !== OK) {
      throw new SourceError(requestUrl, `Hugging Face daily papers answered HTTP ${response.status} for ${requestUrl}: ${previewBody(text)}`);
    }
    return text;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const reason = signal.aborted ? `no answer within ${timeoutMs} ms` : describeNetworkError(error);
    throw new SourceError(requestUrl, `could not read Hugging Face daily papers at ${requestUrl}: ${reason}; check ${ENV_NAMES.hfDailyPapersUrl} and the network`, {
      cause: error,
    });
  }
}

