import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { PaperMetadata } from '../brief/brief-schema.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type SectionNotesOptions, writeSectionNotes } from './write-section-notes.js';

const StoredNotesSchema = z.object({ key: z.string(), text: z.string().min(1) });

/**
 * A long paper's notes, written once and kept in the cache folder: the brief and every style of the paper then
 * read the same notes (one prefix for the server's prompt cache), and a later run with the same model, prompt and
 * parts pays for none. `calls` counts the notes requests made now.
 */
export async function ensureSectionNotes(
  paper: PaperMetadata,
  chunks: readonly string[],
  options: SectionNotesOptions & { cacheDir: string },
): Promise<{ text: string; calls: number }> {
  const key = createHash('sha256').update(JSON.stringify([options.model, options.prompt, paper.title, chunks])).digest('hex');
  const path = join(options.cacheDir, 'notes', `${toFileStem(paper.id, paper.version)}.json`);
  const stored = await readFile(path, 'utf8').then((text) => StoredNotesSchema.safeParse(JSON.parse(text)), () => null);
  if (stored?.success && stored.data.key === key) return { text: stored.data.text, calls: 0 };
  const notes = await writeSectionNotes(paper, chunks, options);
  // The notes are paid for: a cache folder that refuses them costs the next style its own, not this one its answer.
  await writeFileAtomic(path, JSON.stringify({ key, text: notes.text })).catch(() => undefined);
  return { text: notes.text, calls: notes.calls };
}
