import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEndpointEngine } from '../../src/audio/create-endpoint-engine.js';
import { createEspeakEngine } from '../../src/audio/create-espeak-engine.js';
import type { EpisodeScript } from '../../src/audio/episode-script.js';
import { createSpeechChunkCache } from '../../src/audio/speech-chunk-cache.js';
import type { SpeechEngine } from '../../src/audio/speech-engine.js';
import { synthesizeEpisode } from '../../src/audio/synthesize-episode.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { hasEspeak } from '../helpers/has-espeak.js';
import { hasFfprobe } from '../helpers/probe-audio.js';
import { measureLoudness } from '../helpers/measure-loudness.js';

// Apple asks -16 LUFS integrated (±1 LU) and true peak at most -1 dBTP; the episode keeps well inside both.
const TARGET_LUFS = -16;
const TOLERANCE_LU = 0.5;
const MAX_TRUE_PEAK_DBTP = -1;

const script = (sentences: string[]): EpisodeScript => ({
  title: 'An episode',
  date: '2025-09-12',
  author: 'arXiv Brief',
  segments: [
    { title: 'Welcome', turns: [{ speaker: 'Ada', text: sentences[0]! }] },
    { title: 'A paper', turns: sentences.slice(1).map((text, index) => ({ speaker: index % 2 === 0 ? 'Bo' : 'Ada', text })) },
  ],
});

describe.skipIf(!hasFfprobe)('the episode\'s loudness, as ffmpeg\'s ebur128 measures it', () => {
  let folder: string;
  let fake: FakeSpeech;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'loudness-'));
    fake = await startFakeSpeech();
  });
  afterEach(() => fake.close());

  const make = (engine: SpeechEngine, sentences: string[]) =>
    synthesizeEpisode(script(sentences), {
      engine,
      voices: { Ada: engine.name === 'espeak-ng' ? 'en-us' : 'alloy', Bo: engine.name === 'espeak-ng' ? 'en-gb' : 'onyx' },
      cache: createSpeechChunkCache(join(folder, 'cache')),
      mp3Path: join(folder, 'episode.mp3'),
      transcriptPath: join(folder, 'episode.txt'),
    });

  it.skipIf(!hasEspeak)('real speech by eSpeak NG is mastered to -16 LUFS with its true peak under -1 dBTP', async () => {
    const result = await make(createEspeakEngine(), [
      'Hello and welcome. Today we look at two papers about attention and memory.',
      'The first paper makes attention sparse, and it runs more than twice as fast on long inputs!',
      'How did they test it? On three benchmarks, with models from one hundred million to seven billion parameters.',
      'And the limits? The speedup shrinks on short inputs, and the authors say so plainly.',
    ]);
    const measured = measureLoudness(join(folder, 'episode.mp3'));
    expect(Math.abs(measured.integratedLufs - TARGET_LUFS)).toBeLessThanOrEqual(TOLERANCE_LU);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(MAX_TRUE_PEAK_DBTP);
    // What the log says of the episode is what it measures.
    expect(Math.abs(result.loudness.integratedLufs! - measured.integratedLufs)).toBeLessThan(0.3);
  });

  it('chunks spoken at very different levels come out at -16 LUFS, each at the level of the others', async () => {
    const engine = createEndpointEngine({ client: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 }), model: 'tts-1', retry: {} });
    // A whisper, a shout close to full scale, and a voice in between.
    fake.enqueue({ format: 'wav', amplitude: 300 }, { format: 'wav', amplitude: 32_000 }, { format: 'wav', amplitude: 8000 });
    const sentences = ['A quiet welcome from the first host of the show.', 'A loud answer from the guest about the method!', 'A calm close from the first host, about the limits.'];
    await make(engine, sentences);
    const measured = measureLoudness(join(folder, 'episode.mp3'));
    expect(Math.abs(measured.integratedLufs - TARGET_LUFS)).toBeLessThanOrEqual(TOLERANCE_LU);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(MAX_TRUE_PEAK_DBTP);

    // Each chunk cut out of the MP3 at its place measures within 1 LU of the others.
    const chunkLoudness = [];
    let startSeconds = 0;
    for (const sentence of sentences) {
      const seconds = (sentence.length * 10) / 1000;
      const part = join(folder, `part-${chunkLoudness.length}.wav`);
      execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-ss', String(startSeconds + 0.1), '-t', String(seconds - 0.2), '-i', join(folder, 'episode.mp3'), part]);
      chunkLoudness.push(measureLoudness(part).integratedLufs);
      startSeconds += seconds + 0.35;
    }
    expect(Math.max(...chunkLoudness) - Math.min(...chunkLoudness)).toBeLessThan(1);
  });
});
