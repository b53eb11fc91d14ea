import { writeFileAtomic } from '../output/write-file-atomic.js';
import { encodeEpisodeMp3, EPISODE_SAMPLE_RATE, type Chapter } from './encode-episode-mp3.js';
import { decodeAudio } from './decode-audio.js';
import type { EpisodeScript, SpokenTurn } from './episode-script.js';
import { normalizeLoudness } from './normalize-loudness.js';
import type { PcmAudio } from './read-wav.js';
import { renderTranscript } from './render-transcript.js';
import { resamplePcm } from './resample-pcm.js';
import type { SpeechChunkCache } from './speech-chunk-cache.js';
import type { SpeechEngine } from './speech-engine.js';
import { splitSpeechText } from './split-speech-text.js';

// A breath between turns, so speakers and chapters don't run into each other.
const PAUSE_MS = 350;

export interface SynthesizeEpisodeOptions {
  engine: SpeechEngine;
  /** The voice of each speaker, by name; a speaker without one gets the first voice. */
  voices: Readonly<Record<string, string>>;
  cache: SpeechChunkCache;
  mp3Path: string;
  transcriptPath: string;
  /** Asked before each paid chunk; false refuses it (the --max-cost budget), failing the episode. */
  admit?: (estimateUsd: number) => boolean;
  signal?: AbortSignal;
}

export interface EpisodeResult {
  durationMs: number;
  bytes: number;
  chapters: Chapter[];
  characters: number;
  /** Characters sent to the engine this time; the rest came from the cache. */
  charactersPaid: number;
  /** undefined when the engine's price is unknown. */
  costUsd: number | undefined;
  chunks: number;
  chunksPaid: number;
}

/** Thrown when --max-cost refuses the next chunk; the chunks already paid for stay cached. */
export class SpeechBudgetError extends Error {
  override name = 'SpeechBudgetError';
}

/**
 * Speaks the script chunk by chunk (each cached once paid for), then writes the MP3 and its
 * transcript. A chunk that fails fails the episode before any file is written, so a published
 * episode never has a hole; the rerun pays only for the chunks that are missing.
 */
export async function synthesizeEpisode(script: EpisodeScript, options: SynthesizeEpisodeOptions): Promise<EpisodeResult> {
  const { engine, cache } = options;
  const fallbackVoice = Object.values(options.voices)[0] ?? 'default';
  const plan = script.segments.map((segment) =>
    joinTurnsBySpeaker(segment.turns).flatMap((turn) => {
      const voice = options.voices[turn.speaker] ?? fallbackVoice;
      return splitSpeechText(turn.text).map((text) => ({ text, voice, key: cache.keyOf(engine.name, voice, text) }));
    }),
  );
  const all = plan.flat();
  let charactersPaid = 0;
  let chunksPaid = 0;
  for (const [index, chunk] of all.entries()) {
    options.signal?.throwIfAborted();
    const cached = (await cache.sampleCount(chunk.key)) !== undefined;
    if (!cached) {
      const estimateUsd = ((engine.usdPerMillionCharacters ?? 0) * chunk.text.length) / 1e6;
      if (options.admit && !options.admit(estimateUsd)) {
        throw new SpeechBudgetError(`--max-cost reached before chunk ${index + 1} of ${all.length}; the ${index} chunks spoken so far are kept for the next run`);
      }
      const audio = await decodeAudio(await synthesizeFollowing(options.signal, (signal) => engine.synthesize(chunk.text, chunk.voice, signal)));
      if (audio.samples.length === 0) throw new Error(`the speech engine returned no audio for chunk ${index + 1} of ${all.length}`);
      await cache.write(chunk.key, { sampleRate: EPISODE_SAMPLE_RATE, samples: normalizeLoudness(resamplePcm(audio, EPISODE_SAMPLE_RATE).samples) });
      charactersPaid += chunk.text.length;
      chunksPaid += 1;
    }
  }

  const pauseSamples = Math.round((PAUSE_MS / 1000) * EPISODE_SAMPLE_RATE);
  const chapters: Chapter[] = [];
  let samplesSoFar = 0;
  for (const [index, segment] of plan.entries()) {
    const startMs = (samplesSoFar / EPISODE_SAMPLE_RATE) * 1000;
    for (const chunk of segment) samplesSoFar += (await cache.sampleCount(chunk.key))! + pauseSamples;
    chapters.push({ title: script.segments[index]!.title, startMs, endMs: (samplesSoFar / EPISODE_SAMPLE_RATE) * 1000 });
  }
  const pause: PcmAudio = { sampleRate: EPISODE_SAMPLE_RATE, samples: new Int16Array(pauseSamples) };
  async function* chunksInOrder(): AsyncGenerator<PcmAudio> {
    for (const chunk of all) {
      yield await cache.read(chunk.key);
      yield pause;
    }
  }
  const { bytes } = await encodeEpisodeMp3(options.mp3Path, { title: script.title, date: script.date, author: script.author, chapters }, chunksInOrder());
  await writeFileAtomic(options.transcriptPath, renderTranscript(script));
  const characters = all.reduce((sum, chunk) => sum + chunk.text.length, 0);
  return {
    durationMs: (samplesSoFar / EPISODE_SAMPLE_RATE) * 1000,
    bytes,
    chapters,
    characters,
    charactersPaid,
    costUsd: engine.usdPerMillionCharacters === undefined ? undefined : (engine.usdPerMillionCharacters * charactersPaid) / 1e6,
    chunks: all.length,
    chunksPaid,
  };
}

// --- internal ---

// One host's consecutive turns are one request (up to the input limit): fewer requests, one even voice.
function joinTurnsBySpeaker(turns: readonly SpokenTurn[]): SpokenTurn[] {
  const joined: SpokenTurn[] = [];
  for (const turn of turns) {
    const last = joined.at(-1);
    if (last && last.speaker === turn.speaker) joined[joined.length - 1] = { speaker: last.speaker, text: `${last.text} ${turn.text}` };
    else joined.push(turn);
  }
  return joined;
}

// Each request gets its own signal that follows the run's: the run's signal then holds one listener, not one per chunk.
async function synthesizeFollowing(runSignal: AbortSignal | undefined, request: (signal: AbortSignal | undefined) => Promise<Buffer>): Promise<Buffer> {
  if (!runSignal) return request(undefined);
  const controller = new AbortController();
  const abort = () => controller.abort(runSignal.reason);
  runSignal.addEventListener('abort', abort, { once: true });
  try {
    return await request(controller.signal);
  } finally {
    runSignal.removeEventListener('abort', abort);
  }
}
