import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEndpointEngine } from '../../src/audio/create-endpoint-engine.js';
import { createSpeechChunkCache } from '../../src/audio/speech-chunk-cache.js';
import { synthesizeEpisode } from '../../src/audio/synthesize-episode.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { FAKE_MS_PER_CHARACTER, type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { hasFfprobe, probeAudio } from '../helpers/probe-audio.js';

const sentence = (topic: string) => `This sentence explains ${topic} in plain words for the listener. `;

describe.skipIf(!hasFfprobe)('an episode spoken through an OpenAI-compatible speech endpoint', () => {
  let fake: FakeSpeech;
  let folder: string;
  beforeEach(async () => {
    fake = await startFakeSpeech();
    folder = await mkdtemp(join(tmpdir(), 'episode-'));
  });
  afterEach(() => fake.close());

  const script = {
    title: 'arXiv Brief: 2025-09-12',
    date: '2025-09-12',
    author: 'arXiv Brief',
    segments: [
      { title: 'Welcome', turns: [{ speaker: 'Ada', text: sentence('the day') }] },
      // Longer than one request may carry: split at sentence boundaries.
      { title: 'A long paper', turns: [{ speaker: 'Ada', text: sentence('attention').repeat(80) }, { speaker: 'Bo', text: sentence('the results') }] },
      { title: 'Goodbye', turns: [{ speaker: 'Bo', text: sentence('the questions') }] },
    ],
  };
  const run = (overrides: { maxRetries?: number } = {}) =>
    synthesizeEpisode(script, {
      engine: createEndpointEngine({
        client: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 }),
        model: 'gpt-4o-mini-tts',
        retry: { maxRetries: overrides.maxRetries ?? 2, initialDelayMs: 1 },
      }),
      voices: { Ada: 'alloy', Bo: 'onyx' },
      cache: createSpeechChunkCache(join(folder, 'cache')),
      mp3Path: join(folder, 'episode.mp3'),
      transcriptPath: join(folder, 'episode.txt'),
    });

  it('sends each chunk under 4,096 characters with its speaker\'s voice; the MP3 lasts the sum of the chunks, chapters where segments start', async () => {
    const result = await run();

    expect(fake.requests.length).toBe(5);
    expect(fake.requests.every((request) => request.input.length <= 4096 && request.model === 'gpt-4o-mini-tts')).toBe(true);
    expect(fake.requests.map((request) => request.voice)).toEqual(['alloy', 'alloy', 'alloy', 'onyx', 'onyx']);
    expect(fake.requests.every((request) => /[.!?]$/.test(request.input))).toBe(true);
    const spokenMs = fake.requests.reduce((sum, request) => sum + request.input.length * FAKE_MS_PER_CHARACTER, 0) + 5 * 350;
    const probed = probeAudio(join(folder, 'episode.mp3'));
    expect(Math.abs(probed.durationSeconds * 1000 - spokenMs) / spokenMs).toBeLessThan(0.05);
    expect(probed).toMatchObject({ codec: 'mp3', sampleRate: 24_000, channels: 1 });
    expect(probed.bitRate).toBeGreaterThan(56_000);
    expect(probed.bitRate).toBeLessThan(72_000);
    expect(probed.chapters.map((chapter) => chapter.title)).toEqual(['Welcome', 'A long paper', 'Goodbye']);
    const welcomeMs = sentence('the day').trim().length * FAKE_MS_PER_CHARACTER + 350;
    expect(probed.chapters[1]!.startSeconds).toBeCloseTo(welcomeMs / 1000, 1);
    expect(result.costUsd).toBeCloseTo((15 * result.characters) / 1e6, 8);
  });

  it('decodes a server that answers MP3 instead of WAV', async () => {
    fake.enqueue({ format: 'mp3' }, { format: 'mp3' });
    const result = await run();
    const probed = probeAudio(join(folder, 'episode.mp3'));
    expect(Math.abs(probed.durationSeconds * 1000 - result.durationMs) / result.durationMs).toBeLessThan(0.05);
  });

  it('fails the episode when a chunk fails after retries, writes no file, and the rerun pays only the missing chunks', async () => {
    fake.enqueue({ format: 'wav' }, { format: 'wav' }, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(run()).rejects.toThrow(/500/);
    expect(await readdir(folder)).toEqual(['cache']);
    const paidBefore = fake.requests.length;

    const result = await run();
    expect(fake.requests.length - paidBefore).toBe(3);
    expect(result).toMatchObject({ chunks: 5, chunksPaid: 3 });
    expect((await stat(join(folder, 'episode.mp3'))).size).toBe(result.bytes);
  });
});
