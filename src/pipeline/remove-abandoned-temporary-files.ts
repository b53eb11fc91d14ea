import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultIsProcessAlive } from './acquire-run-lock.js';

// writeFileAtomic's `<file>.<pid>.<hex>.tmp`: a process killed mid-write (kill -9, power cut) leaves one behind.
const TEMPORARY_FILE = /\.(\d+)\.[0-9a-f]+\.tmp$/;

/** Deletes temporary files of dead writers in the output folder, so a crashed run leaves no debris once the next one starts. */
export async function removeAbandonedTemporaryFiles(outputDir: string, { isProcessAlive = defaultIsProcessAlive } = {}): Promise<void> {
  const folders = [outputDir, ...['papers', 'digests', 'runs', 'assets'].map((name) => join(outputDir, name))];
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const writerPid = Number(TEMPORARY_FILE.exec(name)?.[1]);
      // A live writer may be `summarize <id>` next to this run; its file is not ours to remove.
      if (writerPid > 0 && !isProcessAlive(writerPid)) await rm(join(folder, name), { force: true });
    }
  }
}
