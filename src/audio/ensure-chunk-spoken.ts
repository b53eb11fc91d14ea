import { BriefError } from '../errors/brief-error.js';
import { decodeAudio, UnusableAudioError } from './decode-audio.js';
import { EPISODE_SAMPLE_RATE } from './encode-episode-mp3.js';
import type { PcmAudio } from '../pcm/read-wav.js';
import { resamplePcm } from '../pcm/resample-pcm.js';
import type { SpeechChunkCache } from './speech-chunk-cache.js';
import type { SpeechEngine } from './speech-engine.js';
import { SpeechError } from './speech-error.js';

/** One request's worth of text in one voice, and its key in the cache. */
export interface SpeechChunk {
  text: string;
  voice: string;
  key: string;
}

export interface EnsureChunkSpokenOptions {
  engine: SpeechEngine;
  cache: SpeechChunkCache;
  /** Asked before the chunk is bought; false refuses it (the --max-cost budget). */
  admit?: ((estimateUsd: number) => boolean) | undefined;
  /** Told when the chunk was bought (its answer is sound, decodable here or not): what was paid stays counted if it then fails. */
  onPaid?: ((characters: number) => void) | undefined;
  /** Default: `ffmpeg`, looked up on the PATH. */
  ffmpeg?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** Thrown when --max-cost refuses the next chunk; the chunks already paid for stay cached. */
export class SpeechBudgetError extends BriefError {}

// A tenth of the quickest speech (about 50 ms a character): anything shorter lost most of its text.
const MIN_MS_PER_CHARACTER = 5;
// The slowest speech (Chinese, about 4 characters a second) as 16-bit mono samples: the most a chunk takes in the cache.
const MAX_CACHE_BYTES_PER_CHARACTER = 0.3 * EPISODE_SAMPLE_RATE * 2;

/**
 * Puts one chunk in the cache, buying it only when neither it nor an answer kept from an earlier run is there.
 * The rule for a bad answer: sound that cannot be decoded here (MP3 without ffmpeg, an 8-bit WAV) was paid
 * for, so it is kept and decoded from there later, never bought again; no sound at all (an HTML page, an empty
 * body) or sound far shorter than its text is refused and not kept, so a later run asks again.
 */
export async function ensureChunkSpoken(chunk: SpeechChunk, position: { index: number; total: number }, options: EnsureChunkSpokenOptions): Promise<void> {
  const { engine, cache } = options;
  const which = `chunk ${position.index + 1} of ${position.total}`;
  if ((await cache.sampleCount(chunk.key)) !== undefined) return;
  const kept = await cache.readKeptAnswer(chunk.key);
  let answer = kept;
  if (answer === undefined) {
    const estimateUsd = ((engine.usdPerMillionCharacters ?? 0) * chunk.text.length) / 1e6;
    if (options.admit && !options.admit(estimateUsd)) {
      throw new SpeechBudgetError(`--max-cost reached before ${which}; the ${position.index} chunks spoken so far are kept for the next run`);
    }
    await cache.assertRoomFor(chunk.text.length * MAX_CACHE_BYTES_PER_CHARACTER);
    try {
      answer = await engine.synthesize(chunk.text, chunk.voice, options.signal);
    } catch (error) {
      throw error instanceof SpeechError ? new SpeechError(`speech failed at ${which}: ${error.message}`, { cause: error }) : error;
    }
  }
  const fresh = kept === undefined;
  let audio: PcmAudio;
  try {
    audio = await decodeAudio(answer, options.ffmpeg === undefined ? {} : { ffmpeg: options.ffmpeg });
  } catch (error) {
    if (!(error instanceof UnusableAudioError)) throw error;
    // Sound was billed, even if it cannot be decoded here; an error page or an empty body was not.
    if (fresh && error.isAudio) options.onPaid?.(chunk.text.length);
    throw await refuseAnswer(error, answer, { chunk, which, fresh, options });
  }
  if (fresh) options.onPaid?.(chunk.text.length);
  const minimumMs = chunk.text.length * MIN_MS_PER_CHARACTER;
  const durationMs = (audio.samples.length / audio.sampleRate) * 1000;
  if (durationMs < minimumMs) {
    await cache.removeKeptAnswer(chunk.key);
    throw new SpeechError(
      `speech failed at ${which}: ${engine.label} sent ${formatSeconds(durationMs)} of audio for ${chunk.text.length} characters (at least ${formatSeconds(minimumMs)} expected); refused and not cached, the next run asks for it again`,
    );
  }
  await cache.write(chunk.key, resamplePcm(audio, EPISODE_SAMPLE_RATE));
  if (!fresh) await cache.removeKeptAnswer(chunk.key);
}

// --- internal ---

// The one line for an answer that cannot be used; sound paid for is kept first, so no rerun buys it again.
async function refuseAnswer(error: UnusableAudioError, answer: Buffer, context: { chunk: SpeechChunk; which: string; fresh: boolean; options: EnsureChunkSpokenOptions }): Promise<SpeechError> {
  const { chunk, which, fresh, options } = context;
  const { engine, cache } = options;
  const path = cache.answerPathOf(chunk.key);
  if (!fresh) {
    return new SpeechError(`speech failed at ${which}: the answer ${engine.label} sent in an earlier run (kept at ${path}, not bought again) is ${error.sent}; ${error.fix}, or delete that file to ask the server again`);
  }
  if (!error.isAudio) return new SpeechError(`speech failed at ${which}: ${engine.label} sent ${error.sent}; ${error.fix}`);
  await cache.keepAnswer(chunk.key, answer);
  return new SpeechError(`speech failed at ${which}: ${engine.label} sent ${error.sent} (kept at ${path}, so no rerun buys it again); ${error.fix}`);
}

function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(milliseconds < 1000 ? 2 : 1)} s`;
}
