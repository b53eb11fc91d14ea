import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OutputWriteError } from './output-write-error.js';

// Written to disk in pieces of about this size: few system calls, little memory.
const BUFFER_BYTES = 64 * 1024;

/** A file written piece by piece beside its path, then renamed into place: a reader sees the old file or the whole new one. */
export interface AtomicFileWriter {
  /** Appends text. */
  write(text: string): Promise<void>;
  /** Bytes written so far. */
  readonly bytes: number;
  /** Flushes, syncs and closes the file, still beside its path: a writer of many files keeps only one open. */
  close(): Promise<void>;
  /** Closes the file if still open, then puts it in place. */
  commit(): Promise<void>;
  /** Removes the unfinished file. */
  abort(): Promise<void>;
}

// For files too large to build in memory; writeFileAtomic writes the others.
export async function createAtomicFileWriter(path: string): Promise<AtomicFileWriter> {
  const temporaryPath = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let handle: FileHandle | undefined;
  try {
    await mkdir(dirname(path), { recursive: true });
    handle = await open(temporaryPath, 'w');
  } catch (error) {
    throw new OutputWriteError(path, error);
  }
  let buffered: string[] = [];
  let bufferedBytes = 0;
  let bytes = 0;
  // Every failure names the final path and leaves nothing aside.
  const guard = async <T>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      await writer.abort();
      throw error instanceof OutputWriteError ? error : new OutputWriteError(path, error);
    }
  };
  const flush = async () => {
    if (bufferedBytes === 0) return;
    const text = buffered.join('');
    buffered = [];
    bufferedBytes = 0;
    await handle!.write(text);
  };
  const writer: AtomicFileWriter = {
    get bytes() {
      return bytes;
    },
    async write(text) {
      if (!handle) throw new OutputWriteError(path, new Error('written after it was closed'));
      const length = Buffer.byteLength(text);
      buffered.push(text);
      bufferedBytes += length;
      bytes += length;
      if (bufferedBytes >= BUFFER_BYTES) await guard(flush);
    },
    async close() {
      if (!handle) return;
      await guard(async () => {
        await flush();
        await handle!.sync();
        await handle!.close();
        handle = undefined;
      });
    },
    async commit() {
      await writer.close();
      await guard(() => rename(temporaryPath, path));
    },
    async abort() {
      const open = handle;
      handle = undefined;
      await open?.close().catch(() => {});
      await rm(temporaryPath, { force: true });
    },
  };
  return writer;
}
