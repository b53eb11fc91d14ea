import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../output/write-file-atomic.js';

const BatchRecordSchema = z.object({
  key: z.string(),
  customIds: z.array(z.string()),
  inputFileId: z.string().optional(),
  batchId: z.string().optional(),
});

/**
 * One submission as far as it got: the intent (its requests, their JSONL beside it), then the uploaded file's id,
 * then the batch's id. Written before each step is confirmed, so a killed run finds the batch it paid for.
 */
export type BatchRecord = z.infer<typeof BatchRecordSchema>;

export interface BatchJournal {
  list(): Promise<BatchRecord[]>;
  record(entry: BatchRecord, input?: string): Promise<void>;
  /** The JSONL of a recorded intent, to upload it again after a crash. */
  readInput(key: string): Promise<string>;
  forget(key: string): Promise<void>;
}

/**
 * The journal of a run's batches, in `<cacheDir>/batches/`: one JSON record and one JSONL input per submission.
 * A record that cannot be read or parsed is skipped, and `warn` (default: nothing) told its file.
 */
export function createBatchJournal(cacheDir: string, warn: (line: string) => void = () => undefined): BatchJournal {
  const folder = join(cacheDir, 'batches');
  return {
    async list() {
      const names = await readdir(folder).catch(() => [] as string[]);
      const records = await Promise.all(
        names.filter((name) => name.endsWith('.json')).map(async (name) => {
          const path = join(folder, name);
          const parsed = BatchRecordSchema.safeParse(await readFile(path, 'utf8').then((text) => JSON.parse(text) as unknown).catch(() => undefined));
          if (parsed.success) return [parsed.data];
          warn(`batch record ${path} is unreadable or not a batch record: skipped (delete it if no batch of it is on the server)`);
          return [];
        }),
      );
      return records.flat();
    },
    async record(entry, input) {
      // The input goes first: a record always finds its JSONL.
      if (input !== undefined) await writeFileAtomic(join(folder, `${entry.key}.jsonl`), input);
      await writeFileAtomic(join(folder, `${entry.key}.json`), JSON.stringify(entry));
    },
    readInput: (key) => readFile(join(folder, `${key}.jsonl`), 'utf8'),
    async forget(key) {
      await rm(join(folder, `${key}.json`), { force: true });
      await rm(join(folder, `${key}.jsonl`), { force: true });
    },
  };
}
