import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { toPaperFileStem } from '../arxiv/to-file-stem.js';
import { parseBriefFileName } from '../output/brief-store.js';

/** Whether a paper (arXiv ID without version) is in the published archive: any version's brief or page in `papers/`. */
export type PublishedPaperCheck = (paperId: string) => boolean;

/**
 * The papers of `<outputDir>/papers/`, listed again only when the folder changed (a night published papers), so a
 * vote costs one stat, not a listing of thousands of files.
 */
export function createPublishedPaperCheck(outputDir: string): PublishedPaperCheck {
  const folder = join(outputDir, 'papers');
  let listed: { changedAt: number; stems: Set<string> } | undefined;
  return (paperId) => {
    const changedAt = statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (listed?.changedAt !== changedAt) listed = { changedAt, stems: listStems(folder) };
    return listed.stems.has(toPaperFileStem(paperId));
  };
}

// --- internal ---

function listStems(folder: string): Set<string> {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    // No papers published yet: none to vote on.
    return new Set();
  }
  // A brief or its page (`2509.08721v2.json`, `hep-th_9108004v1.zh.html`); styles (`.blurb.json`) and assets are not papers.
  return new Set(names.map((name) => parseBriefFileName(name)?.paperStem).filter((stem) => stem !== undefined));
}
