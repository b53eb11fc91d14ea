import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LocatedFigure, locatePdfFigures } from '../../src/figures/locate-pdf-figures.js';
import { readPageLayouts } from '../../src/pdf/read-page-layouts.js';
import { FIXTURE_PDFS_DIR, hasFixtures } from '../helpers/fixtures.js';

async function locateFigures(pdf: Uint8Array): Promise<LocatedFigure[]> {
  const parser = new PDFParse({ data: pdf, isEvalSupported: false, verbosity: 0 });
  try {
    return locatePdfFigures(await readPageLayouts(parser));
  } finally {
    await parser.destroy();
  }
}

/** Where each figure is drawn (its top and bottom on the page, in points from the page top, read off the rendered page) and how its caption starts and ends. */
interface Expected {
  number: number;
  page: number;
  top: number;
  bottom: number;
  starts: string;
  ends: string;
}

const PAPERS: Record<string, Expected[]> = {
  // Vector plots, two to page 8, captions under them in the running text's size.
  '0807.3577.pdf': [
    { number: 1, page: 7, top: 94, bottom: 293, starts: 'The residual Hubble diagram for models 1–4.', ends: 'The black dashed line presents Δm for the ΛCDM model.' },
    { number: 2, page: 8, top: 94, bottom: 281, starts: 'The distance deceleration parameter (left panel)', ends: 'the volume deceleration parameter (right panel) for models 1–4.' },
    { number: 3, page: 8, top: 330, bottom: 500, starts: 'The current density distribution (left panel)', ends: 'and deceleration parameter (right panel) for model 5.' },
    { number: 4, page: 9, top: 94, bottom: 281, starts: 'The current density distribution (left panel)', ends: 'for models of cosmic structures (models 6, 7).' },
    { number: 5, page: 10, top: 94, bottom: 281, starts: 'The current density distribution (left panel)', ends: 'and deceleration parameter (right panel) for model 8.' },
  ],
  // Screenshots and plots (Fig. 7 and 9 made of several images), two to pages 21 and 23.
  '2203.00130v1.pdf': [
    { number: 1, page: 2, top: 90, bottom: 305, starts: 'Paper Plain helps healthcare consumers', ends: 'by clicking those terms (5).' },
    { number: 2, page: 13, top: 359, bottom: 517, starts: 'Term Definitions on an example passage', ends: 'a reference to the definitional resource.' },
    { number: 3, page: 14, top: 162, bottom: 318, starts: 'Section Gists on an example passage', ends: 'can cover a lot of paper content, even across pages.' },
    { number: 4, page: 15, top: 91, bottom: 247, starts: 'Key Question Index guides readers', ends: 'alongside the original paper text.' },
    { number: 5, page: 16, top: 91, bottom: 232, starts: 'Paper Plain uses machine learning models', ends: 'and answer gists to the PDF.' },
    { number: 6, page: 21, top: 98, bottom: 166, starts: 'Number of readers who used each feature of Paper Plain for each minute', ends: 'Plot is for participants with access to all features of Paper Plain.' },
    { number: 7, page: 21, top: 216, bottom: 390, starts: 'Number of readers who used each feature across the different variants', ends: 'when all features are available (the blue boxplots).' },
    { number: 8, page: 23, top: 91, bottom: 292, starts: 'Participant’s reading behavior differed', ends: 'when the Key Question Index and Answer Gists are present.' },
    { number: 9, page: 23, top: 349, bottom: 458, starts: 'Readers’ subjective reading difficulty', ends: 'for different variants of Paper Plain.' },
    { number: 10, page: 25, top: 91, bottom: 206, starts: 'Comprehension scores for variants of Paper Plain.', ends: 'out of seven for each paper.' },
  ],
  // Two columns: figures across both and in one; tables with captions over them; captions in a smaller size.
  '1804.08269v2.pdf': [
    { number: 1, page: 6, top: 54, bottom: 237, starts: 'Density plot of ∆Fg of Eq. (22)', ends: 'in the isospin I = 0 channels.' },
    { number: 2, page: 7, top: 53, bottom: 171, starts: 'Scattering amplitudes in the I = 0 channel', ends: 'shown by the thick (thin) lines.' },
    { number: 3, page: 7, top: 230, bottom: 397, starts: 'Scattering amplitudes', ends: 'shown by the thick (thin) lines.' },
    { number: 4, page: 8, top: 200, bottom: 368, starts: 'Solid lines: volume integrals', ends: 'is 1403–1440 MeV (1362–1511 MeV).' },
    { number: 5, page: 9, top: 204, bottom: 321, starts: 'Scattering amplitudes', ends: 'shown by the thick (thin) lines.' },
    { number: 6, page: 10, top: 58, bottom: 342, starts: 'Deviations ∆fij (z) [see Eq. (26)]', ends: 'are given in steps of 0.2.' },
    { number: 7, page: 11, top: 53, bottom: 291, starts: 'Scattering amplitudes', ends: 'shown by the thick (thin) lines.' },
    { number: 8, page: 12, top: 53, bottom: 291, starts: 'Scattering amplitudes', ends: 'shown by the thick (thin) lines.' },
    { number: 9, page: 18, top: 53, bottom: 411, starts: 'Scattering amplitudes', ends: 'displayed as thick (thin) lines.' },
  ],
  '2206.10883v3.pdf': [
    { number: 1, page: 5, top: 68, bottom: 305, starts: 'The pipeline of creating summaries', ends: 'structured data for lawsuits.' },
    { number: 2, page: 20, top: 68, bottom: 442, starts: 'Illustration of the key components', ends: 'functions in the user study system.' },
  ],
};
// Points a region may differ from the rendered page's figure: padding and the odd stroke's width.
const TOLERANCE = 8;

describe.skipIf(!hasFixtures)('locatePdfFigures on real papers', () => {
  const located = new Map<string, LocatedFigure[]>();
  beforeAll(async () => {
    for (const file of Object.keys(PAPERS)) located.set(file, await locateFigures(new Uint8Array(await readFile(join(FIXTURE_PDFS_DIR, file)))));
  }, 180_000);

  describe.each(Object.entries(PAPERS))('%s', (file, expected) => {
    it('finds every numbered figure once, on its page, drawn where the page shows it', () => {
      const figures = located.get(file)!;
      expect(figures.map((figure) => figure.number)).toEqual(expected.map((figure) => figure.number));
      for (const want of expected) {
        const figure = figures.find((candidate) => candidate.number === want.number)!;
        expect({ number: figure.number, page: figure.pageNumber }).toEqual({ number: want.number, page: want.page });
        expect(Math.abs(figure.region.top - want.top), `top of figure ${want.number}`).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs(figure.region.bottom - want.bottom), `bottom of figure ${want.number}`).toBeLessThanOrEqual(TOLERANCE);
      }
    });

    it('gives each figure its own caption, whole and ending with its paragraph', () => {
      for (const want of expected) {
        const caption = located.get(file)!.find((figure) => figure.number === want.number)!.caption;
        expect(caption.startsWith(want.starts), `figure ${want.number}: ${caption}`).toBe(true);
        expect(caption.endsWith(want.ends), `figure ${want.number}: ${caption}`).toBe(true);
        // None of these captions names another figure or a table: such text is a neighbour's caption run into.
        expect(caption).not.toMatch(/\b(?:Fig(?:ure)?\.?|FIG\.|Table|TABLE)\s*\d+\s*[.:]/);
        expect(caption).not.toMatch(/\n/);
      }
    });

    it('joins words hyphenated at a line end', () => {
      for (const figure of located.get(file)!) {
        // "first- and second-order" is a hyphen standing for a word; any other "- " is a line break left in.
        expect(figure.caption).not.toMatch(/\p{L}- (?!(?:and|or|to)\b)\p{Ll}/u);
      }
    });
  });

  it('keeps the hyphen of a compound split at a line end, and the one that stands for a word to come', () => {
    const caption = located.get('1804.08269v2.pdf')!.find((figure) => figure.number === 4)!.caption;
    expect(caption).toContain('with first- and second-order polynomial expansions');
    expect(caption).toContain('The energy range for fitting the first-order (second-order) polynomial representations');
  });
});
