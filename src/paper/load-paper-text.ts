import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import type { Config } from '../config/config-schema.js';
import { PaperError } from '../errors/brief-error.js';
import { downloadPdf } from '../pdf/download-pdf.js';
import type { PdfExtractor } from '../pdf/extract-text.js';
import { PdfExtractError } from '../pdf/pdf-extract-error.js';
import { cleanPaperText } from '../text/clean-paper-text.js';
import type { PaperCache } from './paper-cache.js';
import type { PaperText } from './paper-text.js';

export interface LoadPaperTextDependencies {
  config: Config;
  arxivQueue: ArxivQueue;
  extractor: PdfExtractor;
  cache: PaperCache;
  signal?: AbortSignal;
}

/** The paper's cleaned text: from the cache, else downloaded (politely) and extracted off the main thread. */
export async function loadPaperText(paper: PaperMetadata, dependencies: LoadPaperTextDependencies): Promise<PaperText> {
  const { config, arxivQueue, extractor, cache, signal } = dependencies;
  const cachedText = await cache.readText(paper.id, paper.version);
  if (cachedText) {
    return {
      pageCount: cachedText.pageCount,
      text: cachedText.text,
      referencesRemoved: cachedText.stats.referencesRemoved,
      downloadMs: 0,
      extractMs: 0,
      fromCache: true,
    };
  }

  const downloadStartedAt = performance.now();
  const cachedBytes = await cache.readPdf(paper.id, paper.version);
  const bytes =
    cachedBytes ??
    (await downloadPdf(arxivQueue, config.arxivPdfUrl, paper.id, paper.version, {
      maxBytes: config.pdfMaxBytes,
      timeoutMs: config.pdfTimeoutMs,
    }));
  const downloadMs = performance.now() - downloadStartedAt;
  // Kept before extraction, so the worker is handed the bytes rather than a copy; a file that does not extract is removed below.
  if (!cachedBytes) await cache.writePdf(paper.id, paper.version, bytes);

  const extractStartedAt = performance.now();
  try {
    const extracted = await extractor.extract(bytes, { signal, transferBytes: true });
    const cleaned = cleanPaperText(extracted.pages);
    await cache.writeText(paper.id, paper.version, { pageCount: extracted.pageCount, text: cleaned.text, stats: cleaned.stats });
    return {
      pageCount: extracted.pageCount,
      text: cleaned.text,
      referencesRemoved: cleaned.stats.referencesRemoved,
      downloadMs: Math.round(downloadMs),
      extractMs: Math.round(performance.now() - extractStartedAt),
      fromCache: false,
    };
  } catch (error) {
    if (error instanceof PdfExtractError) {
      // A cut or encrypted file must be downloaded again next time, not reused (nor one an older version cached unchecked).
      await cache.removePdf(paper.id, paper.version);
      throw new PaperError(paper.id, 'extract', `${error.message} (${paper.pdfUrl})`, { cause: error });
    }
    throw error;
  }
}
