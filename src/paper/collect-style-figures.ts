import type { PaperMetadata } from '../brief/brief-schema.js';
import { collectPaperFigures } from '../figures/collect-paper-figures.js';
import type { PaperFigures } from '../figures/paper-figure.js';
import type { PaperContext } from './create-paper-context.js';
import { listPaperStyles, needsFigures } from './list-paper-styles.js';

/**
 * The paper's figures when one of the run's styles shows them, before any call of the paper (every call then
 * lists them alike); null when none does, with no request made. Through the polite queue; the PDF from the cache only.
 */
export async function collectStyleFigures(
  context: Pick<PaperContext, 'config' | 'arxivQueue' | 'cache'>,
  paper: Pick<PaperMetadata, 'id' | 'version'>,
  signal?: AbortSignal,
): Promise<{ figures: PaperFigures; folder: string } | null> {
  const { config, arxivQueue, cache } = context;
  if (!needsFigures(listPaperStyles(config.styles))) return null;
  return collectPaperFigures(paper, { arxivQueue, arxivHtmlUrl: config.arxivHtmlUrl, cacheDir: config.cacheDir, readPdf: () => cache.readPdf(paper.id, paper.version), ...(signal ? { signal } : {}) });
}
