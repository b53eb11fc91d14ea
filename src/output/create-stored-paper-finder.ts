import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { readStoredBrief } from './brief-store.js';

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
    const match = BRIEF_FILE.exec(name);
    if (!match) continue;
    const [, stem, version, language] = match;
    byStem.set(stem!, [...(byStem.get(stem!) ?? []), { version: Number(version), language: language ?? 'en' }]);
  }
  return async (id) => {
    // Newest version first; English first within a version, as the brief's own language.
    const stored = [...(byStem.get(toFileStem(id, 1).replace(/v1$/, '')) ?? [])].sort((left, right) => right.version - left.version || Number(right.language === 'en') - Number(left.language === 'en'));
    for (const { version, language } of stored) {
      const brief = await readStoredBrief(outputDir, id, version, language);
      if (brief) return brief.paper;
    }
    return undefined;
  };
}

// --- internal ---

// `2509.08721v2.json`, `hep-th_9108004v1.zh.json`; styles (`.blurb.json`) and scripts (`.podcast.json`) are not briefs.
const BRIEF_FILE = /^(.+)v(\d+)(?:\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.json$/;
