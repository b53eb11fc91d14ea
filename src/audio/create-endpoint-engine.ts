import type OpenAI from 'openai';
import { withLlmRetries, type LlmRetryOptions } from '../llm/with-llm-retries.js';
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
  /** Overrides the built-in price table (SUMMARIZE_TTS_PRICE). */
  usdPerMillionCharacters?: number | undefined;
  /** The same retries, Retry-After limit and breaker as the model calls. */
  retry: Omit<LlmRetryOptions, 'signal'>;
}

/** Speech from an OpenAI-compatible `/v1/audio/speech` endpoint (OpenAI, or a local Kokoro or Piper server). */
export function createEndpointEngine(options: EndpointEngineOptions): SpeechEngine {
  const { client, model, retry } = options;
  return {
    name: `${model}`,
    usdPerMillionCharacters: options.usdPerMillionCharacters ?? SPEECH_PRICES[model],
    // The endpoint is checked by its first chunk; retries and the breaker handle an outage.
    async assertAvailable() {},
    async synthesize(text, voice, signal) {
      return withLlmRetries(
        async () => {
          const response = await client.audio.speech.create({ model, voice, input: text, response_format: 'wav' }, { signal });
          return Buffer.from(await response.arrayBuffer());
        },
        { ...retry, signal },
      );
    },
  };
}
