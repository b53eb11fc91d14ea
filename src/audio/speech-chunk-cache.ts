import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { type PcmAudio, readWav } from './read-wav.js';
import { writeWav } from './write-wav.js';

/**
 * Spoken chunks already paid for, one WAV each, keyed by engine, voice and text: a rerun after a
 * failed chunk, or a remade episode, pays only for what is new.
 */
export function createSpeechChunkCache(cacheDir: string) {
  const pathOf = (key: string) => join(cacheDir, 'speech', `${key}.wav`);
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
  };
}

export type SpeechChunkCache = ReturnType<typeof createSpeechChunkCache>;

// --- internal ---

const WAV_HEADER_BYTES = 44;
