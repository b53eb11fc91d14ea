import { BriefError } from '../errors/brief-error.js';

// What a person can do about each: the system's own words ("ENOSPC: no space left on device, write") name no file.
const FIXES: Record<string, string> = {
  ENOSPC: 'no space left on device: free some space',
  EDQUOT: 'disk quota exceeded: free some space or raise the quota',
  EFBIG: 'file too large for this file system or its size limit (ulimit -f)',
  EACCES: 'permission denied: check who owns the folder',
  EPERM: 'operation not permitted: check who owns the folder',
  EROFS: 'the file system is read-only',
  EISDIR: 'a folder stands where the file should be',
  ENOTDIR: 'a file stands where a folder should be',
  EIO: 'input/output error: check the disk',
};

/** A file of the output (or cache) folder could not be written; names the file and the cause. */
export class OutputWriteError extends BriefError {
  readonly path: string;
  readonly code: string | undefined;

  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason = (code && FIXES[code]) ?? (cause instanceof Error ? cause.message : String(cause));
    super(`could not write ${path}: ${reason}${code && FIXES[code] ? ` (${code})` : ''}`, { cause });
    this.path = path;
    this.code = code;
  }
}
