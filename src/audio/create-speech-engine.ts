import type { Config } from '../config/config-schema.js';
import { createLlmClient } from '../llm/create-llm-client.js';
import type { EndpointBreaker } from '../llm/endpoint-breaker.js';
import { createEndpointEngine } from './create-endpoint-engine.js';
import { createEspeakEngine } from './create-espeak-engine.js';
import { getPodcastPhrases } from '../language/podcast-phrases.js';
import type { SpeechEngine } from './speech-engine.js';

const LOCAL_MODEL = 'espeak-ng';
const ENDPOINT_VOICES = ['alloy', 'onyx'];

export interface ChosenSpeech {
  engine: SpeechEngine;
  /** The voice of each host, in the order of SUMMARIZE_PODCAST_HOSTS. */
  voices: Record<string, string>;
}

/**
 * The speech endpoint when one is configured (SUMMARIZE_TTS_BASE_URL, or OpenAI's own with a key);
 * otherwise eSpeak NG, which needs no account. A local LLM server (OPENAI_BASE_URL without a key)
 * is not taken for a speech server: Ollama and vLLM have none.
 */
export function createSpeechEngine(config: Config, options: { breaker?: EndpointBreaker; language?: string | undefined } = {}): ChosenSpeech {
  const useEndpoint = config.ttsModel !== LOCAL_MODEL && (config.ttsBaseUrl !== undefined || (config.openaiApiKey !== undefined && config.openaiBaseUrl === undefined));
  // The model key goes only to the model's own endpoint, never to another speech server.
  const sharesLlmEndpoint = config.ttsBaseUrl === undefined || config.ttsBaseUrl === config.openaiBaseUrl;
  const engine = useEndpoint
    ? createEndpointEngine({
        client: createLlmClient({ apiKey: sharesLlmEndpoint ? config.openaiApiKey : undefined, baseUrl: config.ttsBaseUrl ?? config.openaiBaseUrl, timeoutMs: config.llmTimeoutMs }),
        model: config.ttsModel,
        usdPerMillionCharacters: config.ttsPrice,
        retry: { maxRetryAfterMs: config.maxRetryAfterMs, ...(options.breaker ? { breaker: options.breaker } : {}) },
      })
    : createEspeakEngine();
  // The endpoint's voices speak whatever language the text is in; eSpeak NG's are one language each.
  const voiceList = config.ttsVoices ?? (useEndpoint ? ENDPOINT_VOICES : getPodcastPhrases(options.language).espeakVoices);
  const voices = Object.fromEntries(config.podcastHosts.map((host, index) => [host, voiceList[index] ?? voiceList[0]!]));
  return { engine, voices };
}
