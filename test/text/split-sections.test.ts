import { describe, expect, it } from 'vitest';
import { splitSections } from '../../src/text/split-sections.js';

const PAPER = [
  'A Great Paper',
  'Jane Doe, University of Somewhere',
  'Abstract',
  'We do things.',
  '1 Introduction',
  'Things matter.',
  '1. We propose a new way to do the things that matter most to people',
  '2 Related Work',
  'Others did things.',
  '3 Method',
  'Our method.',
  'Table 1: 4 5 6',
  '4 Results',
  'It works.',
  '5 Conclusion',
  'Done.',
  'Acknowledgments',
  'Thanks.',
  'References',
  '[1] A. Author. 2020.',
  'A Additional Experiments',
  'More results.',
  'B Proofs',
  'A proof.',
].join('\n');

describe('splitSections', () => {
  const sections = splitSections(PAPER);

  it('splits at top-level headings, in order, tagging each kind', () => {
    expect(sections.map((section) => [section.kind, section.heading])).toEqual([
      ['front', ''],
      ['front', 'Abstract'],
      ['body', '1 Introduction'],
      ['body', '2 Related Work'],
      ['body', '3 Method'],
      ['body', '4 Results'],
      ['body', '5 Conclusion'],
      ['body', 'Acknowledgments'],
      ['references', 'References'],
      ['appendix', 'A Additional Experiments'],
      ['appendix', 'B Proofs'],
    ]);
  });

  it('loses no text', () => {
    expect(sections.map((section) => section.text).join('\n')).toBe(PAPER);
  });

  it('knows REVTeX roman headings and inline abstracts, and skips a table of contents entry', () => {
    const revtex = splitSections(
      'Abstract. We compute.\nContents\n1. Introduction 2\n1. Introduction\nText.\nI. INTRODUCTION\nText.\nII. THE K̄N-πΣ POTENTIAL\nText.\nAppendix A: Scattering solutions\nMath.',
    );
    expect(revtex.map((section) => section.heading)).toEqual([
      'Abstract. We compute.',
      '1. Introduction',
      'I. INTRODUCTION',
      'II. THE K̄N-πΣ POTENTIAL',
      'Appendix A: Scattering solutions',
    ]);
    expect(revtex.at(-1)?.kind).toBe('appendix');
  });

  it('does not take a sentence starting with "A" for an appendix without a following B', () => {
    const text = 'Conclusion\nWe are done.\nA Careful Reader Would Agree\nThe end.';
    expect(splitSections(text).map((section) => section.kind)).toEqual(['body']);
  });
});
