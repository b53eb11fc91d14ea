import { open } from 'node:fs/promises';

// Written and synced to disk before the caller renames it (or the folder holding it) into place: a power cut after the rename finds the whole file.
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
