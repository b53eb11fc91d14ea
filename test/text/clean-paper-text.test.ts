import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfExtractor } from '../../src/pdf/extract-text.js';
import { ARXIV_STAMP } from '../../src/text/clean/remove-arxiv-stamps.js';
import { cleanPaperText, type CleanedText } from '../../src/text/clean-paper-text.js';
import { FIXTURE_PDFS_DIR, hasFixtures } from '../helpers/fixtures.js';

const LINE_END_SPLIT = /[a-z]-\n[a-z]/g;

function bodyPage(number: number, body: string): string {
  return `Running Title of the Paper\n${body}\n${number}`;
}

describe('cleanPaperText', () => {
  const pages = [
    'Running Title of the Paper\nA\tStudy\tof\tCleaning\nAbstract\nWe study the eﬀect of repre-\narXiv:2401.01234v1 [cs.CL] 3 Jan 2024\n1',
    bodyPage(2, 'sentation on summaries.\nSchr¨odinger\u0000 said so.\n1 Introduction\nText about things.'),
    bodyPage(3, '2 Method\nThe method is simple.\n-- 3 of 5 --'),
    bodyPage(4, '3 Results\nIt works well.\nReferences\n[1] A. Author, J. Phys. 1 (2001).'),
    bodyPage(5, '[2] B. Author, J. Phys. 2 (2002).\n[3] C. Author, J. Phys. 3 (2003).'),
  ];
  let cleaned: CleanedText;
  beforeAll(() => {
    cleaned = cleanPaperText(pages);
  });

  it('gives the running text without layout artefacts or references', () => {
    expect(cleaned.text).toBe(
      [
        'Running Title of the Paper',
        'A Study of Cleaning',
        'Abstract',
        'We study the effect of representation',
        'on summaries.',
        'Schrödinger said so.',
        '1 Introduction',
        'Text about things.',
        '2 Method',
        'The method is simple.',
        '3 Results',
        'It works well.',
      ].join('\n'),
    );
  });

  it('records what it removed', () => {
    expect(cleaned.stats).toMatchObject({
      tabsReplaced: 3,
      ligaturesReplaced: 1,
      controlCharsRemoved: 1,
      accentsCombined: 1,
      pageJoinersRemoved: 1,
      arxivStampsRemoved: 1,
      repeatedLinesRemoved: 4,
      pageNumbersRemoved: 5,
      hyphenationsJoined: 1,
      referencesRemoved: true,
      referencesMethod: 'heading',
    });
    expect(cleaned.stats.charsIn).toBe(pages.join('').length);
    expect(cleaned.stats.charsOut).toBe(cleaned.text.length);
    expect(cleaned.stats.referencesChars).toBeGreaterThan(90);
  });

  it('returns empty text for empty pages', () => {
    expect(cleanPaperText(['', '']).text).toBe('');
  });
});

describe.skipIf(!hasFixtures)('cleanPaperText on real arXiv PDFs', () => {
  const names = ['1804.08269v2.pdf', '0807.3577.pdf', '2206.10883v3.pdf', '2202.00535v1.pdf', 'x_dehypenisation1.pdf'];
  const raw = new Map<string, string>();
  const cleaned = new Map<string, CleanedText>();
  const extractor = createPdfExtractor({ poolSize: 2 });
  afterAll(() => extractor.close());
  beforeAll(async () => {
    await Promise.all(
      names.map(async (name) => {
        const bytes = new Uint8Array(readFileSync(`${FIXTURE_PDFS_DIR}/${name}`));
        const extracted = await extractor.extract(bytes, { minLetters: 0 });
        raw.set(name, extracted.pages.join('\n'));
        cleaned.set(name, cleanPaperText(extracted.pages));
      }),
    );
  });
  const textOf = (name: string) => cleaned.get(name)!.text;

  it('leaves no TAB, NUL, ligature or arXiv stamp in any paper', () => {
    for (const name of names) {
      expect(textOf(name), name).not.toMatch(/[\t\u0000\uFB00-\uFB06]/);
      expect(textOf(name).match(ARXIV_STAMP), name).toBeNull();
    }
    expect(raw.get('1804.08269v2.pdf')).toMatch(ARXIV_STAMP);
    expect(raw.get('0807.3577.pdf')).toContain('\t');
  });

  it('leaves fewer words split at line ends than pdf-parse gives', () => {
    for (const name of names) {
      const before = raw.get(name)!.match(LINE_END_SPLIT)?.length ?? 0;
      const after = textOf(name).match(LINE_END_SPLIT)?.length ?? 0;
      expect(after, name).toBeLessThanOrEqual(Math.floor(before / 10));
    }
    expect(raw.get('1804.08269v2.pdf')!.match(LINE_END_SPLIT)!.length).toBeGreaterThan(100);
    expect(textOf('x_dehypenisation1.pdf')).toBe('We test the dehypenisation\nof a short text.');
  });

  it('recombines TeX accents (Schrödinger) and keeps real compounds hyphenated', () => {
    const revtex = textOf('1804.08269v2.pdf');
    expect(revtex).toContain('Schrödinger');
    expect(revtex).not.toContain('Schr¨odinger');
    expect(revtex).toContain('coupled-channel');
    expect(revtex).toContain('representation');
  });

  it('removes the running headers and footers of a journal paper', () => {
    const journal = textOf('0807.3577.pdf');
    expect(journal).not.toMatch(/^Journal of Cosmology and Astroparticle Physics 10 \(2008\) 003/m);
    expect(journal.match(/^Apparent and average accelerations of the Universe$/gm)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(journal).toContain('fitted');
  });

  it('cuts the REVTeX reference list, which has no heading, and keeps the appendices before it', () => {
    const revtex = cleaned.get('1804.08269v2.pdf')!;
    expect(revtex.stats.referencesMethod).toBe('numbered-list');
    expect(revtex.text).not.toContain('[1] C. Patrignani');
    expect(revtex.text).not.toContain('[108] S. Aoyama');
    expect(revtex.text).toContain('Appendix C: Normalization and orthogonality');
  });

  it('cuts the reference list of 2206.10883v3 and keeps the appendices after it', () => {
    const multiLexSum = cleaned.get('2206.10883v3.pdf')!;
    expect(multiLexSum.text).not.toContain('Longformer: The long-document transformer');
    expect(multiLexSum.text).toMatch(/^A Multi-LexSum release$/m);
    expect(multiLexSum.text).toMatch(/^F Multi-LexSum datasheet$/m);
    expect(multiLexSum.stats.appendixCharsKept).toBeGreaterThan(30_000);
    expect(multiLexSum.text).toContain('Acknowledgements');
  });

  it('cuts an AAAI reference list (author-year, no numbers)', () => {
    const aaai = cleaned.get('2202.00535v1.pdf')!;
    expect(aaai.stats.referencesRemoved).toBe(true);
    expect(aaai.text).not.toContain('Dhariwal, P.; Neelakantan, A.');
  });
});
