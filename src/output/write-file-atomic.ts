import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OutputWriteError } from './output-write-error.js';
import { writeFileDurably } from './write-file-durably.js';

// Readers (and a crash) see the old file or the new one, never half of one: write aside, fsync, rename.
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw new OutputWriteError(dirname(path), error);
  }
  const temporaryPath = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFileDurably(temporaryPath, data);
    await rename(temporaryPath, path);
  } catch (error) {
    await rm(temporaryPath, { force: true });
    throw new OutputWriteError(path, error);
  }
}
