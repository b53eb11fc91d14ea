import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EditionRecord } from '../../src/edition/edition-record.js';
import { getEditionRecordPath } from '../../src/archive/edition-record-store.js';
import type { DigestIndex } from '../../src/output/digest-store.js';
import { createSeededRandom } from '../../src/text/create-seeded-random.js';

export interface SyntheticArchiveOptions {
  /** The first day of the archive (YYYY-MM-DD). */
  from: string;
  /** Days with an edition, one a day from `from`. */
  days: number;
  papersPerDay: number;
  /** Seeds the words, so a run is reproducible. Default: 1. */
  seed?: number;
}

export interface SyntheticArchive {
  dates: string[];
  papers: number;
  /** The first paper of the first day; its title alone holds OLDEST_PAPER_WORD. */
  oldest: { stem: string; title: string; date: string };
}

/** A word found in no synthetic paper but the oldest one. */
export const OLDEST_PAPER_WORD = 'Archaeopteryx';

/** Word 1, the most common synthetic word: in most papers, so a search for it fills a page from the newest editions alone. */
export const COMMON_WORD = 'bebaba';

/** A word in the title of the second paper of the first day and of every 365th day after: a few papers years apart. */
export const YEARLY_WORD = 'Coelacanth';

/**
 * Writes the stored records of an archive (`archive/editions/<date>.json` and the `digests/<date>.json` that make each
 * part of it) without a brief, a page or a model, as years of nightly runs would have left them; publishing then
 * rebuilds the index and search from these records alone. Words follow a long-tailed law over a large vocabulary,
 * so the search data grows like a real archive's: a few common terms and many rare ones.
 */
export async function writeSyntheticArchive(outputDir: string, { from, days, papersPerDay, seed = 1 }: SyntheticArchiveOptions): Promise<SyntheticArchive> {
  const random = createSeededRandom(seed);
  const words = (count: number) => Array.from({ length: count }, () => toWord(Math.floor(VOCABULARY ** random()))).join(' ');
  const name = () => `${capitalize(toWord(Math.floor(NAMES ** random())))} ${capitalize(toWord(NAMES + Math.floor(NAMES ** random())))}`;
  await mkdir(join(outputDir, 'digests'), { recursive: true });
  await mkdir(join(outputDir, 'archive', 'editions'), { recursive: true });
  const dates: string[] = [];
  let oldest: SyntheticArchive['oldest'] | undefined;
  for (let day = 0; day < days; day += 1) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    dates.push(date);
    const record: EditionRecord = { schemaVersion: 1, date, papers: [] };
    for (let index = 0; index < papersPerDay; index += 1) {
      const id = `${date.slice(2, 4)}${date.slice(5, 7)}.${String(day * papersPerDay + index).padStart(5, '0')}`;
      const planted = day === 0 && index === 0 ? OLDEST_PAPER_WORD : day % 365 === 0 && index === 1 ? YEARLY_WORD : undefined;
      const title = planted === undefined ? capitalize(words(8)) : `${planted} ${words(6)}`;
      record.papers.push({
        stem: `${id}v1`,
        title,
        authors: Array.from({ length: 1 + Math.floor(random() * 5) }, name),
        summary: {
          topicAndDomain: `${capitalize(words(14))}.`,
          previousResearchAndNewIdeas: `${capitalize(words(30))}.`,
          problem: `${capitalize(words(16))}.`,
          methods: `${capitalize(words(30))} ${Math.floor(random() * 100)}.${Math.floor(random() * 10)}.`,
          resultsAndEvaluation: `${capitalize(words(30))} ${Math.floor(random() * 100)}.`,
        },
        critique: `${capitalize(words(12))}. ${capitalize(words(12))}. ${capitalize(words(20))}.`,
        generatedAt: `${date}T06:00:00.000Z`,
      });
    }
    oldest ??= { stem: record.papers[0]!.stem, title: record.papers[0]!.title, date };
    const index: DigestIndex = { schemaVersion: 1, date, papers: record.papers.map((paper) => ({ id: paper.stem.slice(0, -2), version: 1, title: paper.title })) };
    await writeFile(getEditionRecordPath(outputDir, date), JSON.stringify(record));
    await writeFile(join(outputDir, 'digests', `${date}.json`), JSON.stringify(index));
  }
  return { dates, papers: days * papersPerDay, oldest: oldest! };
}

// --- internal ---

// Distinct words the text draws from; drawn as VOCABULARY ** u, so word 1 is common and word 40,000 rare.
const VOCABULARY = 40_000;
const NAMES = 3_000;
const SYLLABLES = 'bcdfghklmnprstvz'.split('').flatMap((consonant) => 'aeiou'.split('').map((vowel) => consonant + vowel));

// Word n in a fixed-width syllable code: distinct numbers give distinct words.
function toWord(number: number): string {
  let word = '';
  let rest = number;
  for (let syllable = 0; syllable < 3 || rest > 0; syllable += 1) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
