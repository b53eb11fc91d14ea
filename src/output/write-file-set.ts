import { randomBytes } from 'node:crypto';
import { rename as renameFile, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { OutputWriteError } from './output-write-error.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** `<name>.<pid>.<hex>.files.json`: the list of a file set's staged files, written once every one of them is on disk. */
export const FILE_SET_JOURNAL = /\.(\d+)\.[0-9a-f]+\.files\.json$/;

const JournalSchema = z.object({ files: z.array(z.object({ staged: z.string(), name: z.string() })) });

/**
 * Files of one folder replaced together: each is staged beside its path, then a journal names them all, then
 * they are renamed in order (the last one is the set's record). A crash before the journal leaves the old set
 * (its staged files are debris); after it, `completeFileSet` renames the rest, so the new set is whole.
 * `rename` is the filesystem's; tests pass one that stops the process between two renames.
 */
export async function writeFileSet(
  folder: string,
  files: ReadonlyArray<{ name: string; data: string }>,
  { rename = renameFile }: { rename?: (from: string, to: string) => Promise<void> } = {},
): Promise<void> {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staged = files.map((file) => ({ staged: `${file.name}.${tag}.tmp`, name: file.name }));
  const journal = join(folder, `${files.at(-1)!.name}.${tag}.files.json`);
  try {
    // writeFileAtomic stages and syncs: each file is whole on disk under its staged name.
    for (const [index, file] of files.entries()) await writeFileAtomic(join(folder, staged[index]!.staged), file.data);
    await writeFileAtomic(journal, `${JSON.stringify({ files: staged })}\n`);
  } catch (error) {
    await Promise.all(staged.map((entry) => rm(join(folder, entry.staged), { force: true })));
    throw error;
  }
  await applyJournal(journal, rename);
}

/** Finishes a set whose writer died after its journal: the staged files still there are renamed into place, then the journal goes. */
export async function completeFileSet(journal: string): Promise<void> {
  await applyJournal(journal, renameFile);
}

// --- internal ---

async function applyJournal(journal: string, rename: (from: string, to: string) => Promise<void>): Promise<void> {
  const folder = dirname(journal);
  let entries: z.infer<typeof JournalSchema>['files'];
  try {
    entries = JournalSchema.parse(JSON.parse(await readFile(journal, 'utf8'))).files;
  } catch (error) {
    throw new OutputWriteError(journal, error);
  }
  for (const entry of entries) {
    // Once renamed, a staged file is gone: an earlier, interrupted pass did it.
    const from = join(folder, basename(entry.staged));
    try {
      await rename(from, join(folder, basename(entry.name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputWriteError(join(folder, entry.name), error);
    }
  }
  await rm(journal, { force: true });
}
