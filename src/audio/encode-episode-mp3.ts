import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Mp3Encoder } from '@breezystack/lamejs';
import NodeID3 from 'node-id3';
import { OutputWriteError } from '../output/output-write-error.js';
import type { PcmAudio } from '../pcm/read-wav.js';

/** Mono 24 kHz at 64 kbit/s: speech at podcast quality, about 29 MB an hour. */
export const EPISODE_SAMPLE_RATE = 24_000;
const BITRATE_KBPS = 64;
// lamejs encodes in blocks of 1152 samples; larger slices only batch the work.
const SLICE_SAMPLES = 1152 * 20;
// lamejs scales its input by 0.95 (LAME's preset, -0.45 dB); the samples are raised to make up for it, so the MP3 is as loud as mastered.
const ENCODER_MAKEUP_GAIN = 1 / 0.95;

export interface Chapter {
  title: string;
  startMs: number;
  endMs: number;
}

/** The show's cover as podcast apps want it: a square PNG or JPEG without an alpha channel. */
export interface CoverImage {
  mime: 'image/png' | 'image/jpeg';
  data: Buffer;
}

export interface EpisodeTags {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  author: string;
  chapters: Chapter[];
  cover?: CoverImage;
}

/**
 * Writes the MP3 with its ID3v2.3 tag (title, date, author, cover, a chapter per segment) first, then the
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
      const raised = new Int16Array(chunk.samples.length);
      for (let index = 0; index < raised.length; index++) raised[index] = Math.max(-32768, Math.min(32767, Math.round(chunk.samples[index]! * ENCODER_MAKEUP_GAIN)));
      for (let start = 0; start < raised.length; start += SLICE_SAMPLES) {
        await write(encoder.encodeBuffer(raised.subarray(start, start + SLICE_SAMPLES)));
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
    // ID3v2.3's own date frames (TYER, TDAT as DDMM): TDRC is v2.4's, and a tag is one version or the other.
    year: tags.date.slice(0, 4),
    date: `${tags.date.slice(8, 10)}${tags.date.slice(5, 7)}`,
    genre: 'Podcast',
    ...(tags.cover ? { image: { mime: tags.cover.mime, type: { id: 3, name: 'front cover' }, description: 'Cover', imageBuffer: tags.cover.data } } : {}),
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
