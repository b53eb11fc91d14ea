import { existsSync } from 'node:fs';
import { buildUserAgent } from '../arxiv/build-user-agent.js';
import { type ArxivQueue, createArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { fetchPaperMetadata } from '../arxiv/fetch-paper-metadata.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { PaperNotFoundError } from '../arxiv/paper-not-found-error.js';
import { type ArxivId, parseArxivId } from '../arxiv/parse-arxiv-id.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Config } from '../config/config-schema.js';
import { readPackageVersion } from '../config/read-package-version.js';
import { downloadPdf } from '../pdf/download-pdf.js';
import { createPdfExtractor } from '../pdf/extract-text.js';
import { readPdfFile } from '../pdf/read-pdf-file.js';
import type { Outcome } from '../run/outcome.js';
import { createPaperCache } from './paper-cache.js';
import { showPaperTexts } from './show-paper-texts.js';

/**
 * `summarize text <id | file.pdf>...`: the cleaned text of each input, or its statistics. A path that exists is a
 * file; anything else must be an arXiv ID, checked (a UsageError) before any work.
 */
export async function printPaperTexts(
  inputs: string[],
  { config, stats, stdout, stderr }: { config: Config; stats: boolean; stdout: (text: string) => void; stderr: (text: string) => void },
): Promise<Outcome> {
  const arxivIds = new Map<string, ArxivId>();
  for (const input of inputs) if (!existsSync(input) && !input.toLowerCase().endsWith('.pdf')) arxivIds.set(input, parseArxivId(input));

  const cache = createPaperCache(config.cacheDir);
  const extractor = createPdfExtractor({ poolSize: 1 });
  let queue: ArxivQueue | undefined;
  try {
    const failures = await showPaperTexts(inputs, { stats }, {
      extractor,
      stdout,
      stderr,
      async loadPdf(input) {
        const arxivId = arxivIds.get(input);
        if (!arxivId) return readPdfFile(input);
        queue ??= createArxivQueue({ minIntervalMs: config.arxivMinIntervalMs, maxRetryAfterMs: config.maxRetryAfterMs, userAgent: buildUserAgent(readPackageVersion()) });
        const paper = (await fetchPaperMetadata(queue, config.arxivApiUrl, [arxivId])).get(arxivId.id);
        if (!paper) throw new PaperNotFoundError(formatArxivId(arxivId));
        const cached = await cache.readPdf(paper.id, paper.version);
        const bytes = cached ?? (await downloadPdf(queue, config.arxivPdfUrl, paper.id, paper.version, { maxBytes: config.pdfMaxBytes, timeoutMs: config.pdfTimeoutMs }));
        // Kept only once it extracted: a cut or encrypted file must be downloaded again next time.
        const keep = cached ? undefined : () => cache.writePdf(paper.id, paper.version, bytes);
        return { name: toFileStem(paper.id, paper.version), bytes, ...(keep ? { keep } : {}) };
      },
    });
    return failures > 0 ? 'failed' : 'done';
  } finally {
    await Promise.all([extractor.close(), queue?.close()]);
  }
}
