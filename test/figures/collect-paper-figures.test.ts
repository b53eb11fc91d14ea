import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ArxivQueue, createArxivQueue } from '../../src/arxiv/create-arxiv-queue.js';
import { toFileStem } from '../../src/arxiv/to-file-stem.js';
import { collectPaperFigures } from '../../src/figures/collect-paper-figures.js';
import { type FakeArxiv, startFakeArxiv } from '../fakes/fake-arxiv-server.js';
import { FIXTURE_PDFS_DIR, hasFixtures } from '../helpers/fixtures.js';
import { makeLatexmlPage, makeNoisyPng } from '../helpers/latexml-page.js';

let arxiv: FakeArxiv;
let queue: ArxivQueue;
let cacheDir: string;

beforeEach(async () => {
  arxiv = await startFakeArxiv();
  queue = createArxivQueue({ minIntervalMs: 0, maxRetryAfterMs: 1000, userAgent: 'test', maxRetries: 0 });
  cacheDir = await mkdtemp(join(tmpdir(), 'figures-'));
});
afterEach(async () => {
  await queue.close();
  await arxiv.close();
  await rm(cacheDir, { recursive: true, force: true });
});

const collect = (id: string, readPdf: () => Promise<Uint8Array | null> = async () => null) =>
  collectPaperFigures({ id, version: 1 }, { arxivQueue: queue, arxivHtmlUrl: arxiv.htmlUrl, cacheDir, readPdf });

describe('collectPaperFigures', () => {
  it("takes each figure's number, caption and image from arXiv's HTML rendering, web-sized, and caches them", async () => {
    arxiv.addPaper({
      id: '2509.08721',
      html: {
        page: makeLatexmlPage([
          { number: 1, caption: 'The <em>pipeline</em> of the method.', file: 'x1.png' },
          { number: 2, caption: 'Accuracy against model size.', file: 'x2.png' },
        ]),
        files: { 'x1.png': await makeNoisyPng(2400, 1200), 'x2.png': await makeNoisyPng(600, 400) },
      },
    });
    const { figures, folder } = await collect('2509.08721');
    expect(figures.source).toBe('html');
    expect(figures.figures.map(({ number, caption }) => ({ number, caption }))).toEqual([
      { number: 1, caption: 'The pipeline of the method.' },
      { number: 2, caption: 'Accuracy against model size.' },
    ]);
    for (const figure of figures.figures) {
      const path = join(folder, figure.file);
      const metadata = await sharp(await readFile(path)).metadata();
      expect(metadata.width).toBeLessThanOrEqual(1200);
      expect((await stat(path)).size).toBeLessThanOrEqual(300_000);
    }
    expect(figures.figures[0]!.width).toBe(1200);
    expect(figures.figures[1]!.width).toBe(600);
    expect(arxiv.requests.map((request) => request.path)).toEqual(['/html/2509.08721v1', '/html/2509.08721v1/x1.png', '/html/2509.08721v1/x2.png']);

    const again = await collect('2509.08721');
    expect(again.figures).toEqual(figures);
    expect(arxiv.requests).toHaveLength(3);
  });

  it('leaves out a figure whose image is missing instead of inventing one', async () => {
    arxiv.addPaper({
      id: '2509.00001',
      html: { page: makeLatexmlPage([{ number: 1, caption: 'Gone.', file: 'x1.png' }, { number: 2, caption: 'Here.', file: 'x2.png' }]), files: { 'x2.png': await makeNoisyPng(300, 200) } },
    });
    const { figures } = await collect('2509.00001');
    expect(figures.figures.map((figure) => figure.number)).toEqual([2]);
  });

  it('a paper without an HTML rendering (404) and no PDF at hand has no figures, and says so', async () => {
    arxiv.addPaper({ id: '2509.00002' });
    const { figures } = await collect('2509.00002');
    expect(figures).toMatchObject({ source: 'none', figures: [] });
    expect(arxiv.requests.map((request) => request.path)).toEqual(['/html/2509.00002v1']);
  });

  describe.skipIf(!hasFixtures)('from a real PDF when there is no HTML rendering', () => {
    it('pairs each figure drawn on a page with its own "Figure N:" caption', async () => {
      arxiv.addPaper({ id: '2206.10883' });
      const pdf = await readFile(join(FIXTURE_PDFS_DIR, '2206.10883v3.pdf'));
      const { figures, folder } = await collect('2206.10883', async () => pdf);
      expect(figures.source).toBe('pdf');
      expect(figures.figures.map(({ number, caption }) => ({ number, caption }))).toEqual([
        { number: 1, caption: 'The pipeline of creating summaries and structured data for lawsuits.' },
        { number: 2, caption: 'Illustration of the key components and functions in the user study system.' },
      ]);
      for (const figure of figures.figures) {
        expect(figure.width).toBeLessThanOrEqual(1200);
        expect((await stat(join(folder, figure.file))).size).toBeLessThanOrEqual(300_000);
      }
    }, 120_000);

    it('a PDF without figures gives none', async () => {
      arxiv.addPaper({ id: 'hep-th/9108004' });
      const pdf = await readFile(join(FIXTURE_PDFS_DIR, 'hep-th_9108004.pdf'));
      const { figures } = await collect('hep-th/9108004', async () => pdf);
      expect(figures).toMatchObject({ source: 'none', figures: [] });
    }, 120_000);

    it('finds again the figures an earlier version paired from the PDF, instead of serving them from the cache', async () => {
      arxiv.addPaper({ id: '2206.10883' });
      const folder = join(cacheDir, 'figures', toFileStem('2206.10883', 1));
      await mkdir(folder, { recursive: true });
      // What the earlier pairing cached: the page's largest image, under a caption run on into the text.
      const stale = { source: 'pdf', figures: [{ number: 1, caption: 'The pipeline of creating summaries and structured data for lawsuits. 3.2 Creating Multi-LexSum summaries', file: 'figure-1.png', width: 10, height: 10 }] };
      await writeFile(join(folder, 'figures.json'), JSON.stringify(stale));
      await writeFile(join(folder, 'figure-1.png'), await makeNoisyPng(10, 10));

      const pdf = await readFile(join(FIXTURE_PDFS_DIR, '2206.10883v3.pdf'));
      const { figures } = await collect('2206.10883', async () => pdf);
      expect(figures.figures[0]).toMatchObject({ number: 1, caption: 'The pipeline of creating summaries and structured data for lawsuits.' });
      expect(figures.figures[0]!.width).toBeGreaterThan(10);
    }, 120_000);
  });
});
