import type { PaperMetadata } from '../brief/brief-schema.js';
import type { ArxivQueue } from './create-arxiv-queue.js';
import { dedupeArxivIds } from './dedupe-arxiv-ids.js';
import { formatArxivId } from './format-arxiv-id.js';
import type { ArxivId } from './parse-arxiv-id.js';
import { queryArxivApi } from './query-arxiv-api.js';

export type FetchPaperMetadataOptions = {
  /** IDs per API request. Default: 50. */
  batchSize?: number;
};

/**
 * Metadata of the given papers (the asked version, else the latest), one API request per batch,
 * keyed by ID without version; papers arXiv does not know are absent (the caller raises `PaperNotFoundError`).
 */
export async function fetchPaperMetadata(
  queue: ArxivQueue,
  apiUrl: string,
  ids: ArxivId[],
  { batchSize: requestedBatchSize = 50 }: FetchPaperMetadataOptions = {},
): Promise<Map<string, PaperMetadata>> {
  const batchSize = Math.max(1, Math.floor(requestedBatchSize));
  const wanted = dedupeArxivIds(ids);
  const found = new Map<string, PaperMetadata>();
  for (let start = 0; start < wanted.length; start += batchSize) {
    const batch = wanted.slice(start, start + batchSize);
    const parameters = new URLSearchParams({
      id_list: batch.map(formatArxivId).join(','),
      max_results: String(batch.length),
    });
    let feed = await queryArxivApi(queue, apiUrl, parameters);
    // The API sometimes answers an empty page for papers it knows: one more try before calling them unknown.
    if (feed.entries.length === 0) feed = await queryArxivApi(queue, apiUrl, parameters);
    // answers come in no fixed order, so match them by ID
    const byId = new Map(batch.map((arxivId) => [arxivId.id, arxivId]));
    for (const entry of feed.entries) {
      const asked = byId.get(entry.id);
      if (asked && (asked.version === null || asked.version === entry.version)) found.set(entry.id, entry);
    }
  }
  return found;
}
