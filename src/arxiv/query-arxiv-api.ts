import { ArxivApiError } from './arxiv-api-error.js';
import type { ArxivQueue } from './create-arxiv-queue.js';
import { parseAtomFeed, type AtomFeed } from './parse-atom-feed.js';

const OK = 200;
const BAD_REQUEST = 400; // arXiv sends its error feed with this status

/** One request to the arXiv query API through the polite queue, answered as a parsed feed. */
export async function queryArxivApi(queue: ArxivQueue, apiUrl: string, parameters: URLSearchParams): Promise<AtomFeed> {
  const url = `${apiUrl}?${parameters.toString()}`;
  const response = await queue.fetch(url, { accept: 'application/atom+xml' });
  const xml = await response.text();
  if (response.status !== OK && response.status !== BAD_REQUEST) {
    throw new ArxivApiError(`HTTP ${response.status}`, { url });
  }
  try {
    const feed = parseAtomFeed(xml);
    if (response.status === BAD_REQUEST) throw new ArxivApiError(`HTTP ${response.status}`);
    return feed;
  } catch (error) {
    if (error instanceof ArxivApiError && error.url === undefined) {
      throw new ArxivApiError(error.apiMessage, { url, cause: error.cause ?? error });
    }
    throw error;
  }
}
