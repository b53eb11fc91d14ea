import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArxivQueue } from '../arxiv/create-arxiv-queue.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type FoundFigure, type PaperFigures, PaperFiguresSchema, type StoredFigure } from './paper-figure.js';

// More figures than a commentary could show are not worth the polite requests.
const MAX_FIGURES = 12;
const MAX_IMAGE_BYTES = 20_000_000;
// 2: PDF figures paired with their captions by position on the page (1 took a page's largest image).
const FIGURES_VERSION = 2;

export interface CollectFiguresDependencies {
  arxivQueue: ArxivQueue;
  /** `${arxivHtmlUrl}/<id>v<n>` is the paper's HTML rendering. */
  arxivHtmlUrl: string;
  cacheDir: string;
  /** The paper's PDF when the HTML rendering has no figures; null when it is not at hand. */
  readPdf(): Promise<Uint8Array | null>;
  signal?: AbortSignal;
}

/** The paper's figures, web-sized, in the cache: from arXiv's HTML rendering, else the PDF, else none (never an error). */
export async function collectPaperFigures(paper: Pick<PaperMetadata, 'id' | 'version'>, dependencies: CollectFiguresDependencies): Promise<{ figures: PaperFigures; folder: string }> {
  const folder = join(dependencies.cacheDir, 'figures', toFileStem(paper.id, paper.version));
  const indexPath = join(folder, 'figures.json');
  const cached = await readFile(indexPath, 'utf8').then((text) => PaperFiguresSchema.safeParse(JSON.parse(text)), () => null);
  if (cached?.success && (cached.data.source === 'html' || cached.data.version === FIGURES_VERSION)) return { figures: cached.data, folder };

  await rm(folder, { recursive: true, force: true });
  const fromHtml = await findHtmlFigures(paper, dependencies);
  const pdf = fromHtml.length > 0 ? null : await dependencies.readPdf();
  const fromPdf = pdf === null ? [] : await extractFromPdf(pdf);
  const found = fromHtml.length > 0 ? fromHtml : fromPdf;
  const source = fromHtml.length > 0 ? 'html' : fromPdf.length > 0 ? 'pdf' : 'none';
  const figures: PaperFigures = { version: FIGURES_VERSION, source, figures: await storeFigures(found, folder) };
  // The index is written last: its presence marks the figures complete.
  await writeFileAtomic(indexPath, `${JSON.stringify(figures, null, 2)}\n`);
  return { figures, folder };
}

// --- internal ---

// The PDF reader, HTML parser and image resizer load only when the cache has no figures: a rerun never pays for them.
async function extractFromPdf(pdf: Uint8Array): Promise<FoundFigure[]> {
  const { extractPdfFigures } = await import('./extract-pdf-figures.js');
  return extractPdfFigures(pdf, { maxFigures: MAX_FIGURES }).catch(() => []);
}

async function findHtmlFigures(paper: Pick<PaperMetadata, 'id' | 'version'>, dependencies: CollectFiguresDependencies): Promise<FoundFigure[]> {
  const { arxivQueue, arxivHtmlUrl, signal } = dependencies;
  const pageUrl = `${arxivHtmlUrl.replace(/\/+$/, '')}/${paper.id}v${paper.version}`;
  const { parseHtmlFigures } = await import('./parse-html-figures.js');
  try {
    const page = await arxivQueue.fetch(pageUrl, { signal });
    if (page.status !== 200) {
      await page.discard();
      return [];
    }
    const found: FoundFigure[] = [];
    for (const figure of parseHtmlFigures(await page.text(), pageUrl).slice(0, MAX_FIGURES)) {
      const image = await arxivQueue.fetch(figure.imageUrl, { signal });
      if (image.status !== 200) {
        await image.discard();
        continue;
      }
      found.push({ number: figure.number, caption: figure.caption, image: await image.readBytes({ maxBytes: MAX_IMAGE_BYTES }) });
    }
    return found;
  } catch (error) {
    if (signal?.aborted) throw error;
    // An HTML rendering that cannot be read is the same as none: the PDF is tried.
    return [];
  }
}

async function storeFigures(found: FoundFigure[], folder: string): Promise<StoredFigure[]> {
  await mkdir(folder, { recursive: true });
  const { resizeFigure } = await import('./resize-figure.js');
  const stored: StoredFigure[] = [];
  for (const figure of found) {
    // An image sharp cannot read is left out, not guessed at.
    const resized = await resizeFigure(figure.image).catch(() => null);
    if (resized === null) continue;
    const file = `figure-${figure.number}.${resized.extension}`;
    await writeFileAtomic(join(folder, file), resized.data);
    stored.push({ number: figure.number, caption: figure.caption, file, width: resized.width, height: resized.height });
  }
  return stored;
}
