import { ReadersDatabaseError } from './readers-database-error.js';

/** A failure of SQLite as a ReadersDatabaseError naming the file and what to do; any other error is passed on as it is. */
export function describeDatabaseFailure(error: unknown, path: string): unknown {
  if (error instanceof ReadersDatabaseError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const [reason, busy] = explainCode(code);
  return new ReadersDatabaseError(`the readers database ${path} ${reason}`, busy, { cause: error });
}

// --- internal ---

function explainCode(code: string): [string, boolean] {
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return ['is locked by another process; nothing was written: try again in a moment', true];
  if (code === 'SQLITE_FULL') return ['cannot grow: the disk is full; nothing was written: free some space and try again', true];
  if (code.startsWith('SQLITE_IOERR')) return [`could not be read or written (${code}); nothing was written: check the disk and try again`, true];
  if (code.startsWith('SQLITE_READONLY')) return [`is read-only for this user (${code}): fix its permissions or set SUMMARIZE_DATA_DIR to a folder this user can write`, false];
  if (code.startsWith('SQLITE_CANTOPEN')) return [`cannot be opened (${code}): check that its folder exists and this user may write there, or set SUMMARIZE_DATA_DIR`, false];
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return [`is not a readable SQLite database (${code}): restore it from a backup, or move it away to start an empty one`, false];
  return [`failed (${code})`, false];
}
