// Benchmarks making an episode's audio: synthesis time per minute of audio and peak memory.
// Usage: npm run bench:podcast -- [--minutes 60]
// Each episode is made in a fresh child process that prints its wall time and peak RSS. The speech comes from the
// fake OpenAI-compatible speech server on 127.0.0.1 (a tone as long as real speech of the text), so the figures are
// this tool's own work (HTTP, decoding, loudness, MP3 encoding, tags), compared with a 6-minute episode measured in
// the same run; then eSpeak NG, when installed, speaks 2 minutes for real, for the local engine's own speed.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createEndpointEngine } from '../src/audio/create-endpoint-engine.js';
import { createEspeakEngine } from '../src/audio/create-espeak-engine.js';
import type { EpisodeScript } from '../src/audio/episode-script.js';
import { createSpeechChunkCache } from '../src/audio/speech-chunk-cache.js';
import type { SpeechEngine } from '../src/audio/speech-engine.js';
import { synthesizeEpisode } from '../src/audio/synthesize-episode.js';
import { createLlmClient } from '../src/llm/create-llm-client.js';
import { startFakeSpeech } from '../test/fakes/fake-speech-server.js';

const SCRIPT = fileURLToPath(import.meta.url);
const BASELINE_MINUTES = 6;
// The fake speaks 10 ms a character: this many characters make a minute of audio.
const CHARACTERS_PER_MINUTE = 6000;
// Real speech by eSpeak NG at 160 words a minute: about 900 characters a minute.
const ESPEAK_CHARACTERS_PER_MINUTE = 900;

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '60' }, child: { type: 'string' }, engine: { type: 'string', default: 'endpoint' } } });

if (values.child !== undefined) {
  await makeEpisode(Number(values.child), values.engine === 'espeak' ? 'espeak' : 'endpoint');
} else {
  const baseline = await measure(BASELINE_MINUTES, 'endpoint');
  const long = await measure(Number(values.minutes), 'endpoint');
  for (const result of [baseline, long]) print('endpoint', result);
  const ratio = long.maxRssKb / baseline.maxRssKb;
  console.log(`peak RSS ${values.minutes}/${BASELINE_MINUTES} minutes: ${ratio.toFixed(2)}x (flat memory: ≤ 1.25x) ${ratio <= 1.25 ? 'ok' : 'OVER'}`);
  if (await hasEspeak()) print('espeak-ng', await measure(2, 'espeak'));
  else console.log('eSpeak NG not installed: its speed was not measured (apt-get install espeak-ng)');
}

// --- internal ---

interface Measurement {
  minutes: number;
  audioMinutes: number;
  wallMs: number;
  /** CPU time of the child (user and system, the fake speech server's included): steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssKb: number;
  bytes: number;
}

function print(engine: string, result: Measurement): void {
  const perMinute = result.wallMs / result.audioMinutes;
  console.log(
    `${engine.padEnd(9)} ${result.audioMinutes.toFixed(1).padStart(5)} min of audio: ${(result.wallMs / 1000).toFixed(1)} s, ${(perMinute / 1000).toFixed(2)} s per audio minute ` +
      `(${(60_000 / perMinute).toFixed(0)}x real time), CPU ${(result.cpuMs / result.audioMinutes / 1000).toFixed(2)} s per audio minute, peak RSS ${Math.round(result.maxRssKb / 1024)} MB, MP3 ${(result.bytes / 1024 / 1024).toFixed(1)} MB`,
  );
}

function measure(minutes: number, engine: 'endpoint' | 'espeak'): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, SCRIPT, '--child', String(minutes), '--engine', engine], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output) as Measurement) : reject(new Error(`the ${minutes}-minute child exited with ${code}`))));
  });
}

async function makeEpisode(minutes: number, engineKind: 'endpoint' | 'espeak'): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'bench-podcast-'));
  const fake = engineKind === 'endpoint' ? await startFakeSpeech() : undefined;
  try {
    const engine: SpeechEngine = fake
      ? createEndpointEngine({ client: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 60_000 }), model: 'tts-1', retry: {} })
      : createEspeakEngine();
    const script = makeScript(minutes, engineKind === 'endpoint' ? CHARACTERS_PER_MINUTE : ESPEAK_CHARACTERS_PER_MINUTE);
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await synthesizeEpisode(script, {
      engine,
      voices: { Host: engineKind === 'endpoint' ? 'alloy' : 'en-us' },
      cache: createSpeechChunkCache(join(folder, 'cache')),
      mp3Path: join(folder, 'episode.mp3'),
      transcriptPath: join(folder, 'episode.txt'),
    });
    const measurement: Measurement = { minutes, audioMinutes: result.durationMs / 60_000, wallMs: Math.round(performance.now() - startedAt), cpuMs: cpuMilliseconds(process.cpuUsage(cpuBefore)), maxRssKb: process.resourceUsage().maxRSS, bytes: result.bytes };
    process.stdout.write(JSON.stringify(measurement));
  } finally {
    await fake?.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function cpuMilliseconds(usage: NodeJS.CpuUsage): number {
  return Math.round((usage.user + usage.system) / 1000);
}

// A segment per five minutes, each of varied sentences (identical text would hit the chunk cache).
function makeScript(minutes: number, charactersPerMinute: number): EpisodeScript {
  const segments = Math.max(1, Math.round(minutes / 5));
  const charactersPerSegment = (minutes * charactersPerMinute) / segments;
  return {
    title: 'Benchmark episode',
    date: '2025-09-10',
    author: 'arXiv Brief',
    segments: Array.from({ length: segments }, (_, segment) => {
      const sentences: string[] = [];
      let length = 0;
      for (let index = 0; length < charactersPerSegment; index++) {
        const sentence = `In segment ${segment + 1}, sentence ${index + 1} explains the method and its results in plain words.`;
        sentences.push(sentence);
        length += sentence.length + 1;
      }
      return { title: `Paper ${segment + 1}`, turns: [{ speaker: 'Host', text: sentences.join(' ') }] };
    }),
  };
}

async function hasEspeak(): Promise<boolean> {
  try {
    await createEspeakEngine().assertAvailable();
    return true;
  } catch {
    return false;
  }
}
