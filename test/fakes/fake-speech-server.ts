import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mp3Encoder } from '@breezystack/lamejs';
import { writeWav } from '../../src/pcm/write-wav.js';

/**
 * One scripted answer of the fake speech endpoint: an error status; audio as WAV or MP3 (`durationMs` overrides the
 * length that follows the text; `bitsPerSample: 8` and `headerSampleRate` make the WAVs broken servers send); or any
 * body at 200, as a proxy's login page or an empty answer.
 */
export type FakeSpeechAnswer =
  | { status: number; retryAfter?: string }
  | { format: 'wav' | 'mp3'; durationMs?: number; bitsPerSample?: 8; headerSampleRate?: number; amplitude?: number }
  | { body: string | Buffer; contentType: string };

export interface FakeSpeech {
  /** Pass as SUMMARIZE_TTS_BASE_URL, e.g. `http://127.0.0.1:41234/v1`. */
  baseUrl: string;
  /** Every `POST /v1/audio/speech` body received, oldest first. */
  requests: Array<{ model: string; voice: string; input: string; response_format?: string }>;
  /** Scripts the next answers, first in first out; then every request gets a WAV. */
  enqueue(...answers: FakeSpeechAnswer[]): void;
  close(): Promise<void>;
}

/** Milliseconds of audio per character of input: a sixth of a real voice's, so tests stay quick. */
export const FAKE_MS_PER_CHARACTER = 10;
const SAMPLE_RATE = 24_000;

/**
 * A real HTTP server on 127.0.0.1 with the OpenAI `POST /v1/audio/speech` API: it answers a tone
 * whose length follows the text, as WAV (or MP3 when scripted, as servers that ignore
 * `response_format` do), or a scripted error status.
 */
export async function startFakeSpeech(): Promise<FakeSpeech> {
  const requests: FakeSpeech['requests'] = [];
  const queue: FakeSpeechAnswer[] = [];
  const server = createServer(async (incoming, outgoing) => {
    const path = new URL(incoming.url ?? '/', 'http://fake').pathname;
    if (incoming.method !== 'POST' || path !== '/v1/audio/speech') {
      outgoing.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const body = JSON.parse(await readBody(incoming));
    requests.push(body);
    const answer = queue.shift() ?? { format: 'wav' };
    if ('body' in answer) {
      outgoing.writeHead(200, { 'content-type': answer.contentType }).end(answer.body);
      return;
    }
    if ('status' in answer) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.retryAfter) headers['retry-after'] = answer.retryAfter;
      outgoing.writeHead(answer.status, headers).end(JSON.stringify({ error: { message: `speech failed with ${answer.status}`, type: 'server_error' } }));
      return;
    }
    const samples = tone(answer.durationMs ?? String(body.input).length * FAKE_MS_PER_CHARACTER, answer.amplitude);
    const audio = answer.format === 'mp3' ? mp3Of(samples) : answer.bitsPerSample === 8 ? eightBitWavOf(samples) : writeWav({ sampleRate: SAMPLE_RATE, samples });
    if (answer.format === 'wav' && answer.headerSampleRate !== undefined) audio.writeUInt32LE(answer.headerSampleRate, 24);
    outgoing.writeHead(200, { 'content-type': answer.format === 'wav' ? 'audio/wav' : 'audio/mpeg', 'content-length': audio.length }).end(audio);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...answers) => void queue.push(...answers),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// --- internal ---

function tone(milliseconds: number, amplitude = 8000): Int16Array {
  const samples = new Int16Array(Math.round((milliseconds / 1000) * SAMPLE_RATE));
  for (let index = 0; index < samples.length; index++) samples[index] = Math.round(amplitude * Math.sin((2 * Math.PI * 220 * index) / SAMPLE_RATE));
  return samples;
}

// Unsigned 8-bit PCM, as some servers send when misconfigured.
function eightBitWavOf(samples: Int16Array): Buffer {
  const wav = writeWav({ sampleRate: SAMPLE_RATE, samples: new Int16Array(0) });
  wav.writeUInt32LE(36 + samples.length, 4);
  wav.writeUInt32LE(SAMPLE_RATE, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.writeUInt32LE(samples.length, 40);
  return Buffer.concat([wav, Uint8Array.from(samples, (sample) => (sample >> 8) + 128)]);
}

function mp3Of(samples: Int16Array): Buffer {
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, 64);
  return Buffer.concat([Buffer.from(encoder.encodeBuffer(samples)), Buffer.from(encoder.flush())]);
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of incoming) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
