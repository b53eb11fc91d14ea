import { checkFolderWritable } from '../doctor/check-folder-writable.js';
import { RunError } from '../errors/brief-error.js';

/** Fails before any request or model call when a folder the run writes to cannot be written. */
export async function assertFolderWritable(path: string, setting: string): Promise<void> {
  const result = await checkFolderWritable({ id: 'folder', title: 'folder', path, setting, keepCreated: true });
  if (result.status !== 'ok') throw new RunError(`${result.message}; ${result.fix}`);
}
