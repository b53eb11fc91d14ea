import { createFileReaderSendStore } from './create-file-reader-send-store.js';

/** Whether the server accepted the edition (or issue) of `key` for some reader: readers have it, so it must stay what they got. */
export async function wasMailed(outputDir: string, key: string): Promise<boolean> {
  const states = await createFileReaderSendStore(outputDir, key).read();
  return states.some((state) => state.outcome === 'accepted' || state.acceptedCopies > 0);
}
