import type OpenAI from 'openai';
import { requestFollowing } from '../http/request-following.js';
import { LlmError } from '../llm/llm-error.js';
import { withLlmRetries, type LlmRetryOptions } from '../llm/with-llm-retries.js';
import { describeSpeechFailure } from './describe-speech-failure.js';
import { SpeechError } from './speech-error.js';
import type { SpeechEngine } from './speech-engine.js';

/** USD per million input characters, as OpenAI bills speech (gpt-4o-mini-tts: about $0.015 a minute, ≈ 15 per million characters). */
export const SPEECH_PRICES: Readonly<Record<string, number>> = {
  'tts-1': 15,
  'tts-1-hd': 30,
  'gpt-4o-mini-tts': 15,
};

export interface EndpointEngineOptions {
  client: OpenAI;
  model: string;
  /** The server's address for messages, without any login: `http://127.0.0.1:8880/v1`. Default: the client's. */
  serverUrl?: string | undefined;
  /** Overrides the built-in price table (SUMMARIZE_TTS_PRICE). */
  usdPerMillionCharacters?: number | undefined;
  /** The same retries, Retry-After limit and breaker as the model calls. */
  retry: Omit<LlmRetryOptions, 'signal'>;
}

/** Speech from an OpenAI-compatible `/v1/audio/speech` endpoint (OpenAI, or a local Kokoro or Piper server). */
export function createEndpointEngine(options: EndpointEngineOptions): SpeechEngine {
  const { client, model, retry } = options;
  const label = `the speech server ${options.serverUrl ?? client.baseURL}`;
  return {
    name: `${model}`,
    label,
    usdPerMillionCharacters: options.usdPerMillionCharacters ?? SPEECH_PRICES[model],
    // The endpoint is checked by its first chunk; retries and the breaker handle an outage.
    async assertAvailable() {},
    async synthesize(text, voice, signal) {
      try {
        return await withLlmRetries(
          // Each request follows the run's signal with one of its own: the client never removes the listener it adds.
          () =>
            requestFollowing(signal, async (requestSignal) => {
              const response = await client.audio.speech.create({ model, voice, input: text, response_format: 'wav' }, requestSignal ? { signal: requestSignal } : undefined);
              return Buffer.from(await response.arrayBuffer());
            }),
          { ...retry, signal, serverName: label, describeFailure: (error) => describeSpeechFailure(error, label) },
        );
      } catch (error) {
        throw error instanceof LlmError ? new SpeechError(error.message, { cause: error }) : error;
      }
    },
  };
}
