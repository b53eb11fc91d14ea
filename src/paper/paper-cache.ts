import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { toFileStem } from '../arxiv/to-file-stem.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { CleaningStats } from '../text/clean-paper-text.js';

// Bump when cleaning changes, so cached text made by older cleaning is not reused.
const TEXT_CACHE_VERSION = 1;

const count = z.number().int().nonnegative();
// The whole entry is checked: `summarize text --stats` shows every cleaning statistic.
const CachedTextSchema = z.object({
  cacheVersion: z.literal(TEXT_CACHE_VERSION),
  pageCount: count,
  text: z.string(),
  stats: z.object({
    charsIn: count,
    charsOut: count,
    controlCharsRemoved: count,
    accentsCombined: count,
    tabsReplaced: count,
    ligaturesReplaced: count,
    pageJoinersRemoved: count,
    arxivStampsRemoved: count,
    repeatedLinesRemoved: count,
    pageNumbersRemoved: count,
    hyphenationsJoined: count,
    hyphenationsKept: count,
    referencesRemoved: z.boolean(),
    referencesChars: count,
    referencesMethod: z.enum(['heading', 'numbered-list']).optional(),
    appendixCharsKept: count,
  }),
});

export interface CachedText {
  cacheVersion: number;
  pageCount: number;
  text: string;
  stats: CleaningStats;
}

/** Downloaded PDFs and their cleaned text, keyed by paper version; a crash leaves no partial entry. */
export function createPaperCache(cacheDir: string) {
  const pdfPath = (id: string, version: number) => join(cacheDir, 'pdf', `${toFileStem(id, version)}.pdf`);
  const textPath = (id: string, version: number) => join(cacheDir, 'text', `${toFileStem(id, version)}.json`);
  return {
    async readPdf(id: string, version: number): Promise<Uint8Array | null> {
      return readFile(pdfPath(id, version)).catch(() => null);
    },
    async writePdf(id: string, version: number, bytes: Uint8Array): Promise<void> {
      await writeFileAtomic(pdfPath(id, version), bytes);
    },
    async removePdf(id: string, version: number): Promise<void> {
      await rm(pdfPath(id, version), { force: true });
    },
    async readText(id: string, version: number): Promise<CachedText | null> {
      try {
        // An entry another version wrote, or one edited by hand, is no entry: the text is extracted again.
        const parsed = CachedTextSchema.safeParse(JSON.parse(await readFile(textPath(id, version), 'utf8')));
        if (!parsed.success) return null;
        // JSON drops a key whose value is undefined; the type keeps it.
        return { ...parsed.data, stats: { ...parsed.data.stats, referencesMethod: parsed.data.stats.referencesMethod } };
      } catch {
        return null;
      }
    },
    async writeText(id: string, version: number, entry: Omit<CachedText, 'cacheVersion'>): Promise<void> {
      await writeFileAtomic(textPath(id, version), JSON.stringify({ cacheVersion: TEXT_CACHE_VERSION, ...entry }));
    },
  };
}
export type PaperCache = ReturnType<typeof createPaperCache>;
