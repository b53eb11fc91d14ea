import { writeFileAtomic } from '../output/write-file-atomic.js';
import { applyLoudnessPlan } from '../pcm/apply-loudness-plan.js';
import { encodeEpisodeMp3, EPISODE_SAMPLE_RATE, type Chapter, type CoverImage } from './encode-episode-mp3.js';
import { ensureChunkSpoken, type SpeechChunk } from './ensure-chunk-spoken.js';
import type { EpisodeScript, SpokenTurn } from './episode-script.js';
import { planEpisodeLoudness } from '../pcm/plan-episode-loudness.js';
import type { PcmAudio } from '../pcm/read-wav.js';
import { renderTranscript } from './render-transcript.js';
import { type CaptionCue, renderWebVtt } from './render-web-vtt.js';
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
  /** The timed transcript (WebVTT); default: none. */
  captionsPath?: string | undefined;
  /** The show's cover, embedded in the MP3 as podcast apps show it; default: none. */
  cover?: CoverImage | undefined;
  /** Asked before each paid chunk; false refuses it (the --max-cost budget), failing the episode. */
  admit?: (estimateUsd: number) => boolean;
  /** Told of each chunk the moment it is paid for, with its price (undefined when unknown): a failure later keeps it counted. */
  onPaid?: (characters: number, costUsd: number | undefined) => void;
  /** Default: `ffmpeg`, looked up on the PATH (it decodes answers that are not WAV). */
  ffmpeg?: string;
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
  /** What the episode measures as mastered (BS.1770): LUFS integrated and dBTP. */
  loudness: { integratedLufs: number | undefined; truePeakDbtp: number };
}

/**
 * Speaks the script chunk by chunk (each cached once paid for), masters its loudness over the whole episode,
 * then writes the MP3 and its transcript. A chunk that fails fails the episode before any file is written, so a
 * published episode never has a hole; the rerun pays only for the chunks that are missing.
 */
export async function synthesizeEpisode(script: EpisodeScript, options: SynthesizeEpisodeOptions): Promise<EpisodeResult> {
  const { engine, cache } = options;
  const fallbackVoice = Object.values(options.voices)[0] ?? 'default';
  const plan: Array<Array<SpeechChunk & { speaker: string }>> = script.segments.map((segment) =>
    joinTurnsBySpeaker(segment.turns).flatMap((turn) => {
      const voice = options.voices[turn.speaker] ?? fallbackVoice;
      return splitSpeechText(turn.text).map((text) => ({ text, voice, speaker: turn.speaker, key: cache.keyOf(engine.name, voice, text) }));
    }),
  );
  const all = plan.flat();
  const priceOf = (characters: number) => (engine.usdPerMillionCharacters === undefined ? undefined : (engine.usdPerMillionCharacters * characters) / 1e6);
  let charactersPaid = 0;
  let chunksPaid = 0;
  for (const [index, chunk] of all.entries()) {
    options.signal?.throwIfAborted();
    await ensureChunkSpoken(chunk, { index, total: all.length }, {
      engine,
      cache,
      admit: options.admit,
      ffmpeg: options.ffmpeg,
      signal: options.signal,
      onPaid: (characters) => {
        charactersPaid += characters;
        chunksPaid += 1;
        options.onPaid?.(characters, priceOf(characters));
      },
    });
  }

  const pauseSamples = Math.round((PAUSE_MS / 1000) * EPISODE_SAMPLE_RATE);
  const chapters: Chapter[] = [];
  const cues: CaptionCue[] = [];
  const toMs = (samples: number) => (samples / EPISODE_SAMPLE_RATE) * 1000;
  let samplesSoFar = 0;
  for (const [index, segment] of plan.entries()) {
    const startMs = toMs(samplesSoFar);
    for (const chunk of segment) {
      const samples = (await cache.sampleCount(chunk.key))!;
      cues.push(...timeSentences(chunk, toMs(samplesSoFar), toMs(samples)));
      samplesSoFar += samples + pauseSamples;
    }
    chapters.push({ title: script.segments[index]!.title, startMs, endMs: toMs(samplesSoFar) });
  }
  const pause: PcmAudio = { sampleRate: EPISODE_SAMPLE_RATE, samples: new Int16Array(pauseSamples) };
  // Read twice from the cache, one chunk at a time: once to measure, once to encode.
  async function* piecesInOrder(): AsyncGenerator<PcmAudio> {
    for (const chunk of all) {
      yield await cache.read(chunk.key);
      yield pause;
    }
  }
  const loudness = await planEpisodeLoudness(samplesOf(piecesInOrder()), EPISODE_SAMPLE_RATE);
  const tags = { title: script.title, date: script.date, author: script.author, chapters, ...(options.cover ? { cover: options.cover } : {}) };
  const { bytes } = await encodeEpisodeMp3(options.mp3Path, tags, applyLoudnessPlan(loudness, piecesInOrder()));
  await writeFileAtomic(options.transcriptPath, renderTranscript(script));
  if (options.captionsPath) await writeFileAtomic(options.captionsPath, renderWebVtt(cues));
  return {
    durationMs: (samplesSoFar / EPISODE_SAMPLE_RATE) * 1000,
    bytes,
    chapters,
    characters: all.reduce((sum, chunk) => sum + chunk.text.length, 0),
    charactersPaid,
    costUsd: priceOf(charactersPaid),
    chunks: all.length,
    chunksPaid,
    loudness: { integratedLufs: loudness.integratedLufs, truePeakDbtp: loudness.truePeakDbtp },
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

// A cue per sentence, each given a share of its chunk's time in proportion to its length: speech runs at an even pace.
function timeSentences(chunk: { text: string; speaker: string }, startMs: number, durationMs: number): CaptionCue[] {
  const sentences = [...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(chunk.text)].map((part) => part.segment.trim()).filter(Boolean);
  const characters = sentences.reduce((sum, sentence) => sum + sentence.length, 0);
  let at = startMs;
  return sentences.map((text) => {
    const cue = { startMs: at, endMs: at + (durationMs * text.length) / characters, speaker: chunk.speaker, text };
    at = cue.endMs;
    return cue;
  });
}

async function* samplesOf(pieces: AsyncIterable<PcmAudio>): AsyncGenerator<Int16Array> {
  for await (const piece of pieces) yield piece.samples;
}
