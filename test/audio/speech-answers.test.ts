import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEndpointEngine } from '../../src/audio/create-endpoint-engine.js';
import { createSpeechChunkCache } from '../../src/audio/speech-chunk-cache.js';
import { SpeechError } from '../../src/audio/speech-error.js';
import { synthesizeEpisode } from '../../src/audio/synthesize-episode.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { hasFfprobe } from '../helpers/probe-audio.js';
import { canMountTmpfs, mountSmallDisk } from '../helpers/small-disk.js';

// 600 characters in one chunk, as one turn of a segment.
const TEXT = 'This sentence explains the method in plain words for the listener. '.repeat(9).trim();

describe.skipIf(!hasFfprobe)('what the speech server sends back', () => {
  let fake: FakeSpeech;
  let folder: string;
  beforeEach(async () => {
    fake = await startFakeSpeech();
    folder = await mkdtemp(join(tmpdir(), 'speech-answers-'));
  });
  afterEach(() => fake.close());

  const run = (options: { cacheDir?: string; ffmpeg?: string } = {}) =>
    synthesizeEpisode(
      { title: 'An episode', date: '2025-09-12', author: 'arXiv Brief', segments: [{ title: 'A paper', turns: [{ speaker: 'Ada', text: TEXT }] }] },
      {
        engine: createEndpointEngine({ client: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 }), model: 'gpt-4o-mini-tts', retry: { maxRetries: 1, initialDelayMs: 1 } }),
        voices: { Ada: 'alloy' },
        cache: createSpeechChunkCache(options.cacheDir ?? join(folder, 'cache')),
        mp3Path: join(folder, 'episode.mp3'),
        transcriptPath: join(folder, 'episode.txt'),
        ...(options.ffmpeg ? { ffmpeg: options.ffmpeg } : {}),
      },
    );
  const failureOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SpeechError);
    const { message } = error as SpeechError;
    expect(message).not.toContain('\n');
    return message;
  };
  const server = () => `the speech server ${fake.baseUrl.replace(/\./g, '\\.')}`;

  it.each([
    ['an HTML page', { body: '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in to the proxy</body></html>', contentType: 'text/html' }, 'an HTML page \\("Sign in Sign in to the proxy"\\) instead of audio'],
    ['an empty body', { body: '', contentType: 'audio/wav' }, 'an empty body instead of audio'],
  ])('%s at 200: one line naming the server and what it sent; nothing kept, so the next run asks again', async (_name, answer, sent) => {
    fake.enqueue(answer);
    const message = await failureOf(run());
    expect(message).toMatch(new RegExp(`^speech failed at chunk 1 of 1: ${server()} sent ${sent}; check SUMMARIZE_TTS_BASE_URL`));
    expect(await readdir(folder)).toEqual(['cache']);

    await run();
    expect(fake.requests).toHaveLength(2);
  });

  it.each([
    ['a WAV saying 0 Hz', { format: 'wav', headerSampleRate: 0 } as const, 'a WAV file whose header says 0 Hz'],
    ['an 8-bit WAV', { format: 'wav', bitsPerSample: 8 } as const, 'a WAV file of 8-bit PCM samples, where 16-bit PCM or 32-bit float is read'],
  ])('%s: one line naming the server and what it sent; the paid answer is kept, so no rerun buys it again', async (_name, answer, sent) => {
    fake.enqueue(answer);
    const first = await failureOf(run());
    expect(first).toMatch(new RegExp(`^speech failed at chunk 1 of 1: ${server()} sent ${sent} \\(kept at .*\\.answer, so no rerun buys it again\\); set the speech server to send 16-bit PCM WAV$`));

    const again = await failureOf(run());
    expect(fake.requests).toHaveLength(1);
    expect(again).toMatch(/in an earlier run \(kept at .*\.answer, not bought again\).*or delete that file to ask the server again$/);
  });

  it('MP3 while ffmpeg is missing: one line saying to install it; once it is, the kept answer is decoded without buying it again', async () => {
    fake.enqueue({ format: 'mp3' });
    const message = await failureOf(run({ ffmpeg: join(folder, 'no-ffmpeg-here') }));
    expect(message).toMatch(new RegExp(`^speech failed at chunk 1 of 1: ${server()} sent MP3 audio, which needs ffmpeg to decode, and ffmpeg is not installed \\(kept at .*\\); install ffmpeg \\(apt-get install ffmpeg\\)`));

    const result = await run();
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ chunks: 1, chunksPaid: 0 });
    expect(result.durationMs).toBeGreaterThan(TEXT.length * 5);
  });

  it('audio far shorter than its text (50 ms for 600 characters) is refused and not cached; the next run asks again and keeps the full answer', async () => {
    fake.enqueue({ format: 'wav', durationMs: 50 });
    const message = await failureOf(run());
    expect(message).toMatch(new RegExp(`^speech failed at chunk 1 of 1: ${server()} sent 0\\.05 s of audio for ${TEXT.length} characters \\(at least 3\\.0 s expected\\); refused and not cached, the next run asks for it again$`));
    expect(await readdir(folder)).toEqual(['cache']);

    const result = await run();
    expect(fake.requests).toHaveLength(2);
    expect(result.chunksPaid).toBe(1);
  });

  it('a server error names the speech server, not the LLM server', async () => {
    fake.enqueue({ status: 500 }, { status: 500 });
    const message = await failureOf(run());
    expect(message).toMatch(new RegExp(`^speech failed at chunk 1 of 1: ${server()} answered 500: speech failed with 500 \\(gave up after 2 requests\\)$`));
    expect(message).not.toMatch(/LLM/);
  });

  it.skipIf(!canMountTmpfs)('a cache with no room for the chunk: nothing is bought, since the answer could not be kept', async () => {
    const disk = mountSmallDisk(256 * 1024);
    try {
      await disk.fill();
      await expect(run({ cacheDir: disk.path })).rejects.toThrow(/could not write .*speech: no space left on device: free some space \(ENOSPC\)/);
      expect(fake.requests).toHaveLength(0);
    } finally {
      disk.unmount();
    }
  });
});
