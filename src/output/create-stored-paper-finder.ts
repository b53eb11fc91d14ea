import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toPaperFileStem } from '../arxiv/to-file-stem.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { parseBriefFileName, readStoredBrief } from './brief-store.js';

/** Finds the metadata of a paper the project briefed, by arXiv ID without version: its newest stored brief's. */
export type StoredPaperFinder = (id: string) => Promise<PaperMetadata | undefined>;

/**
 * The briefs in `papers/` as a lookup by arXiv ID (the folder is listed once): a reader's 👍 names a paper, and its
 * title, abstract and authors are what their model learns from. A paper with no valid brief is not found.
 */
export async function createStoredPaperFinder(outputDir: string): Promise<StoredPaperFinder> {
  const names = await readdir(join(outputDir, 'papers')).catch(() => [] as string[]);
  const byStem = new Map<string, Array<{ version: number; language: string }>>();
  for (const name of names) {
    // Styles (`.blurb.json`), scripts (`.podcast.json`) and pages are not briefs.
    const brief = parseBriefFileName(name);
    if (brief?.extension !== 'json') continue;
    byStem.set(brief.paperStem, [...(byStem.get(brief.paperStem) ?? []), { version: brief.version, language: brief.language }]);
  }
  return async (id) => {
    // Newest version first; English first within a version, as the brief's own language.
    const stored = [...(byStem.get(toPaperFileStem(id)) ?? [])].sort((left, right) => right.version - left.version || Number(right.language === 'en') - Number(left.language === 'en'));
    for (const { version, language } of stored) {
      const brief = await readStoredBrief(outputDir, id, version, language);
      if (brief) return brief.paper;
    }
    return undefined;
  };
}
