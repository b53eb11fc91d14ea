import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { dedupeArxivIds } from '../arxiv/dedupe-arxiv-ids.js';
import { fetchPaperMetadata } from '../arxiv/fetch-paper-metadata.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import type { ArxivId } from '../arxiv/parse-arxiv-id.js';
import type { PaperMetadata } from '../brief/brief-schema.js';

/** Metadata keyed by the ID as typed; several versions of one paper each get their own. */
export async function lookUpPapers(queue: ArxivQueue, apiUrl: string, ids: ArxivId[]): Promise<Map<string, PaperMetadata>> {
  const found = await fetchPaperMetadata(queue, apiUrl, ids);
  const looked = new Map(dedupeArxivIds(ids).map((arxivId) => [arxivId.id, arxivId.version]));
  const papers = new Map<string, PaperMetadata>();
  for (const arxivId of ids) {
    const label = formatArxivId(arxivId);
    if (papers.has(label)) continue;
    // The batch lookup asks for one version per paper; another version typed on the same line needs its own request.
    const paper = looked.get(arxivId.id) === arxivId.version ? found.get(arxivId.id) : (await fetchPaperMetadata(queue, apiUrl, [arxivId])).get(arxivId.id);
    if (paper) papers.set(label, paper);
  }
  return papers;
}
