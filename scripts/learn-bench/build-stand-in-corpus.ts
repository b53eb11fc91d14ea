import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createPdfExtractor } from '../../src/pdf/extract-text.js';
import { cleanPaperText } from '../../src/text/clean-paper-text.js';
import type { CorpusPaper } from './corpus-paper.js';

/** The six real papers of the shared fixtures: each is one topic. */
export const STAND_IN_PDFS = ['0807.3577.pdf', '1804.08269v2.pdf', '2202.00535v1.pdf', '2203.00130v1.pdf', '2206.10883v3.pdf', 'hep-th_9108004.pdf'];

// About an abstract's length: long enough to hold a topic's words, short enough to give hundreds of passages.
const PASSAGE_WORDS = 80;
const TITLE_WORDS = 12;

/**
 * The stand-in when no arXiv corpus is at hand: each PDF's text through the project's own extraction and
 * cleaning, cut into passages of about 80 words at sentence ends; a passage's topic is its paper, its
 * "title" its first words, no authors (one author list per topic would give the topic away).
 */
export async function buildStandInCorpus(folder: string): Promise<CorpusPaper[]> {
  const extractor = createPdfExtractor();
  const papers: CorpusPaper[] = [];
  try {
    for (const file of STAND_IN_PDFS) {
      const { pages } = await extractor.extract(await readFile(join(folder, file)));
      const topic = basename(file, '.pdf');
      splitPassages(cleanPaperText(pages).text).forEach((passage, index) => {
        const words = passage.split(' ');
        papers.push({ id: `${topic}#${index + 1}`, title: words.slice(0, TITLE_WORDS).join(' '), abstract: passage, authors: [], category: topic });
      });
    }
  } finally {
    await extractor.close();
  }
  return papers;
}

// --- internal ---

function splitPassages(text: string): string[] {
  const sentences = text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z])/);
  const passages: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    current.push(sentence);
    words += sentence.split(' ').length;
    if (words >= PASSAGE_WORDS) {
      passages.push(current.join(' '));
      current = [];
      words = 0;
    }
  }
  if (words >= PASSAGE_WORDS / 2) passages.push(current.join(' '));
  return passages;
}
