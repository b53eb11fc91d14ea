import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputWriteError } from '../output/output-write-error.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type PcmAudio, readWav } from '../pcm/read-wav.js';
import { writeWav } from '../pcm/write-wav.js';

/**
 * Spoken chunks already paid for, one WAV each, keyed by engine, voice and text: a rerun after a
 * failed chunk, or a remade episode, pays only for what is new. An answer that was paid for but
 * cannot be decoded here is kept as it came (`<key>.answer`), so a rerun decodes it instead of buying it again.
 */
export function createSpeechChunkCache(cacheDir: string) {
  const folder = join(cacheDir, 'speech');
  const pathOf = (key: string) => join(folder, `${key}.wav`);
  const answerPathOf = (key: string) => join(folder, `${key}.answer`);
  let probed = false;
  return {
    keyOf(engineName: string, voice: string, text: string): string {
      return createHash('sha256').update(JSON.stringify([engineName, voice, text])).digest('hex').slice(0, 32);
    },
    /** The chunk's sample count, read from its size alone, or undefined when it is not cached. */
    async sampleCount(key: string): Promise<number | undefined> {
      try {
        return ((await stat(pathOf(key))).size - WAV_HEADER_BYTES) / 2;
      } catch {
        return undefined;
      }
    },
    async read(key: string): Promise<PcmAudio> {
      return readWav(await readFile(pathOf(key)));
    },
    async write(key: string, audio: PcmAudio): Promise<void> {
      await writeFileAtomic(pathOf(key), writeWav(audio));
    },
    /** The path an undecodable answer is kept at, for the message that names it. */
    answerPathOf,
    /** The answer kept from an earlier run, or undefined. */
    async readKeptAnswer(key: string): Promise<Buffer | undefined> {
      return readFile(answerPathOf(key)).catch(() => undefined);
    },
    async keepAnswer(key: string, answer: Buffer): Promise<void> {
      await writeFileAtomic(answerPathOf(key), answer);
    },
    async removeKeptAnswer(key: string): Promise<void> {
      await rm(answerPathOf(key), { force: true });
    },
    /**
     * Fails, before a chunk is bought, when the cache could not keep it: the folder refuses a file, or the disk
     * has less room than `bytes`. A chunk paid for and then lost would be bought again on every rerun.
     */
    async assertRoomFor(bytes: number): Promise<void> {
      try {
        if (!probed) {
          await mkdir(folder, { recursive: true });
          const probe = join(folder, `.probe-${process.pid}`);
          await writeFile(probe, '');
          await rm(probe);
          probed = true;
        }
        const disk = await statfs(folder);
        const freeBytes = disk.bavail * disk.bsize;
        if (freeBytes < bytes) throw Object.assign(new Error(`${formatMegabytes(freeBytes)} free, a chunk needs up to ${formatMegabytes(bytes)}`), { code: 'ENOSPC' });
      } catch (error) {
        throw new OutputWriteError(folder, error);
      }
    },
  };
}

export type SpeechChunkCache = ReturnType<typeof createSpeechChunkCache>;

// --- internal ---

const WAV_HEADER_BYTES = 44;

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
