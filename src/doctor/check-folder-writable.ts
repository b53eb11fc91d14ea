import { randomBytes } from 'node:crypto';
import { mkdir, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { CheckResult } from './check-result.js';

export type CheckFolderWritableOptions = {
  id: string;
  title: string;
  path: string;
  /** The variable that moves this folder, named in the fix. */
  setting: string;
  /** Keep a folder the check had to create (a run goes on to write there); default false: the doctor only looks. */
  keepCreated?: boolean;
};

/** Creates the folder if missing, then writes and removes a probe file, as a run would; what it created goes again unless `keepCreated`. */
export async function checkFolderWritable({ id, title, path, setting, keepCreated = false }: CheckFolderWritableOptions): Promise<CheckResult> {
  const folder = resolve(path);
  const probe = join(folder, `.doctor-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  let step = 'create';
  let created: string | undefined;
  try {
    created = await mkdir(folder, { recursive: true });
    step = 'write to';
    await writeFile(probe, 'probe\n');
    step = 'remove a file from';
    await unlink(probe);
    return { id, title, status: 'ok', message: created === undefined || keepCreated ? `${folder} is writable` : `${folder} can be created (a run creates it)` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      id,
      title,
      status: 'failed',
      message: `cannot ${step} ${folder}: ${EXPLANATIONS[code] ?? code}`,
      fix: `fix the folder's permissions or set ${setting} to a folder this user can write`,
    };
  } finally {
    if (created !== undefined && !keepCreated) await removeCreatedFolders(folder, created);
  }
}

// --- internal ---

const EXPLANATIONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'a file with that name is in the way',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

// Deepest first, and only while empty: a run that started meanwhile and wrote there keeps its files.
async function removeCreatedFolders(folder: string, firstCreated: string): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    const removed = await rmdir(current).then(
      () => true,
      () => false,
    );
    if (!removed || current === firstCreated || relative(firstCreated, current).startsWith('..')) return;
  }
}
