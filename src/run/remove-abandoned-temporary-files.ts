import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { completeFileSet, FILE_SET_JOURNAL } from '../output/write-file-set.js';
import { defaultIsProcessAlive } from './acquire-run-lock.js';

/** The folders of the output folder that `writeFileAtomic` and `createAtomicFileWriter` write into. */
const OUTPUT_FOLDERS = ['.', 'papers', 'digests', 'runs', 'mail', 'assets', 'audio', 'issues', 'archive', join('assets', 'search'), join('archive', 'editions')];

// writeFileAtomic's `<file>.<pid>.<hex>.tmp`: a process killed mid-write (kill -9, power cut) leaves one behind.
const TEMPORARY_FILE = /\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Deletes temporary files of dead writers, so a crashed run leaves no debris once the next command starts.
 * A file set a dead writer had journaled is finished first (see writeFileSet): its staged files are the new set, not debris.
 */
export async function removeAbandonedTemporaryFiles(
  outputDir: string,
  { isProcessAlive = defaultIsProcessAlive }: { isProcessAlive?: (pid: number) => boolean } = {},
): Promise<void> {
  const isDead = (name: string, pattern: RegExp) => {
    const writerPid = Number(pattern.exec(name)?.[1]);
    // A live writer may be `summarize <id>` next to this run; its file is not ours to touch.
    return writerPid > 0 && !isProcessAlive(writerPid);
  };
  for (const folder of OUTPUT_FOLDERS.map((name) => join(outputDir, name))) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) if (isDead(name, FILE_SET_JOURNAL)) await completeFileSet(join(folder, name));
    for (const name of await readdir(folder).catch(() => [] as string[])) if (isDead(name, TEMPORARY_FILE)) await rm(join(folder, name), { force: true });
  }
}
