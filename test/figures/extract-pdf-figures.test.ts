import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extractPdfFigures } from '../../src/figures/extract-pdf-figures.js';
import { FIXTURE_PDFS_DIR, hasFixtures } from '../helpers/fixtures.js';
import { makeNoisyPng } from '../helpers/latexml-page.js';
import { makeBodyLines, makeFigurePdf } from '../helpers/make-figure-pdf.js';

/** What a reader sees of an image: its shape, and whether it is mostly blank paper (a line drawing) or busy (a photo). */
async function describeImage(image: Uint8Array): Promise<{ aspect: number; mean: number; spread: number }> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const stats = await sharp(image).greyscale().stats();
  return { aspect: width / height, mean: stats.channels[0]!.mean, spread: stats.channels[0]!.stdev };
}

describe('extractPdfFigures', () => {
  it("shows Figure 3's drawing and Figure 4's photo each with its own caption, on one page (the layout of 2201.13352's page 4)", async () => {
    const pdf = await makeFigurePdf([
      [
        { kind: 'text', lines: makeBodyLines(6) },
        { kind: 'drawing', width: 300, height: 110, gapBefore: 14 },
        { kind: 'text', lines: ['Figure 3: Current subtraction implementation.'], size: 9, gapBefore: 10 },
        { kind: 'text', lines: makeBodyLines(4, 'beam'), gapBefore: 18 },
        { kind: 'photo', png: await makeNoisyPng(560, 340), width: 280, height: 170, gapBefore: 14 },
        { kind: 'text', lines: ['Figure 4: Photo of the test board: the beam carries two piezoresis-', 'tive strain gauges glued to the steel beam.'], size: 9, gapBefore: 10 },
        { kind: 'text', lines: makeBodyLines(5, 'bridge'), gapBefore: 20 },
      ],
    ]);
    const figures = await extractPdfFigures(pdf);

    expect(figures.map(({ number, caption }) => ({ number, caption }))).toEqual([
      { number: 3, caption: 'Current subtraction implementation.' },
      { number: 4, caption: 'Photo of the test board: the beam carries two piezoresistive strain gauges glued to the steel beam.' },
    ]);
    const drawing = await describeImage(figures[0]!.image);
    const photo = await describeImage(figures[1]!.image);
    // The circuit is lines on white, 300 × 110 points; the photo is noise, 280 × 170.
    expect(drawing.mean).toBeGreaterThan(220);
    expect(drawing.aspect).toBeCloseTo(300 / 110, 0);
    expect(photo.spread).toBeGreaterThan(40);
    expect(photo.aspect).toBeCloseTo(280 / 170, 0);
  });

  it('shows no image where two captions could claim the same drawing, and still the figures that are certain', async () => {
    const pdf = await makeFigurePdf([
      [
        { kind: 'text', lines: makeBodyLines(5) },
        { kind: 'text', lines: ['Figure 1: The test board before loading.'], size: 9, gapBefore: 20 },
        { kind: 'photo', png: await makeNoisyPng(400, 240), width: 280, height: 170, gapBefore: 10 },
        { kind: 'text', lines: ['Figure 2: The test board after loading.'], size: 9, gapBefore: 10 },
        { kind: 'text', lines: makeBodyLines(5, 'beam'), gapBefore: 20 },
      ],
      [
        { kind: 'drawing', width: 300, height: 110 },
        { kind: 'text', lines: ['Figure 3: Current subtraction implementation.'], size: 9, gapBefore: 10 },
        { kind: 'text', lines: makeBodyLines(8, 'bridge'), gapBefore: 20 },
      ],
    ]);
    const figures = await extractPdfFigures(pdf);

    expect(figures.map(({ number, caption }) => ({ number, caption }))).toEqual([{ number: 3, caption: 'Current subtraction implementation.' }]);
  });

  it.skipIf(!hasFixtures)("gives each of two figures on a page its own image (2203.00130 page 21: Fig. 6's strip of bar charts, Fig. 7's box plots)", async () => {
    const figures = await extractPdfFigures(await readFile(join(FIXTURE_PDFS_DIR, '2203.00130v1.pdf')), { maxFigures: 7 });
    const byNumber = new Map(figures.map((figure) => [figure.number, figure]));

    expect(byNumber.get(6)!.caption).toBe('Number of readers who used each feature of Paper Plain for each minute of reading a paper. Plot is for participants with access to all features of Paper Plain.');
    expect(byNumber.get(7)!.caption).toMatch(/^Number of readers who used each feature across the different variants of Paper Plain\. .* \(the blue boxplots\)\.$/);
    // Fig. 6 is a row of bar charts about seven times as wide as tall; Fig. 7's box plots about two and a half.
    expect((await describeImage(byNumber.get(6)!.image)).aspect).toBeGreaterThan(5);
    expect((await describeImage(byNumber.get(7)!.image)).aspect).toBeLessThan(3.5);
  }, 120_000);
});
