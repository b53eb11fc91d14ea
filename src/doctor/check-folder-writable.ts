import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CheckResult } from './check-result.js';

export type CheckFolderWritableOptions = {
  id: string;
  title: string;
  path: string;
  /** The variable that moves this folder, named in the fix. */
  setting: string;
};

/** Creates the folder if missing, then writes and removes a probe file, as a run would. */
export async function checkFolderWritable({ id, title, path, setting }: CheckFolderWritableOptions): Promise<CheckResult> {
  const folder = resolve(path);
  const probe = join(folder, `.doctor-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  let step = 'create';
  try {
    await mkdir(folder, { recursive: true });
    step = 'write to';
    await writeFile(probe, 'probe\n');
    step = 'remove a file from';
    await unlink(probe);
    return { id, title, status: 'ok', message: `${folder} is writable` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      id,
      title,
      status: 'failed',
      message: `cannot ${step} ${folder}: ${EXPLANATIONS[code] ?? code}`,
      fix: `fix the folder's permissions or set ${setting} to a folder this user can write`,
    };
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
