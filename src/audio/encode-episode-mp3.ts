import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Mp3Encoder } from '@breezystack/lamejs';
import NodeID3 from 'node-id3';
import { OutputWriteError } from '../output/output-write-error.js';
import type { PcmAudio } from './read-wav.js';

/** Mono 24 kHz at 64 kbit/s: speech at podcast quality, about 29 MB an hour. */
export const EPISODE_SAMPLE_RATE = 24_000;
const BITRATE_KBPS = 64;
// lamejs encodes in blocks of 1152 samples; larger slices only batch the work.
const SLICE_SAMPLES = 1152 * 20;

export interface Chapter {
  title: string;
  startMs: number;
  endMs: number;
}

export interface EpisodeTags {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  author: string;
  chapters: Chapter[];
}

/**
 * Writes the MP3 with its ID3 tag (title, date, author, a chapter per segment) first, then the
 * chunks encoded one at a time, so memory holds one chunk however long the episode. The file
 * appears under its name only when complete.
 */
export async function encodeEpisodeMp3(path: string, tags: EpisodeTags, chunks: AsyncIterable<PcmAudio>): Promise<{ bytes: number }> {
  const temporaryPath = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    await mkdir(dirname(path), { recursive: true });
    handle = await open(temporaryPath, 'w');
    let bytes = 0;
    const write = async (data: Uint8Array) => {
      if (data.length === 0) return;
      await handle!.write(data);
      bytes += data.length;
    };
    await write(NodeID3.create(toId3Tags(tags)));
    const encoder = new Mp3Encoder(1, EPISODE_SAMPLE_RATE, BITRATE_KBPS);
    for await (const chunk of chunks) {
      for (let start = 0; start < chunk.samples.length; start += SLICE_SAMPLES) {
        await write(encoder.encodeBuffer(chunk.samples.subarray(start, start + SLICE_SAMPLES)));
      }
    }
    await write(encoder.flush());
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporaryPath, path);
    return { bytes };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporaryPath, { force: true });
    throw error instanceof OutputWriteError || !isFileSystemError(error) ? error : new OutputWriteError(path, error);
  }
}

// --- internal ---

function toId3Tags(tags: EpisodeTags): NodeID3.Tags {
  const ids = tags.chapters.map((_, index) => `chp${index}`);
  return {
    title: tags.title,
    artist: tags.author,
    album: tags.author,
    year: tags.date.slice(0, 4),
    recordingTime: tags.date,
    genre: 'Podcast',
    chapter: tags.chapters.map((chapter, index) => ({
      elementID: ids[index]!,
      startTimeMs: Math.round(chapter.startMs),
      endTimeMs: Math.round(chapter.endMs),
      tags: { title: chapter.title },
    })),
    tableOfContents: [{ elementID: 'toc', isOrdered: true, elements: ids, tags: { title: 'Chapters' } }],
  };
}

function isFileSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string';
}
