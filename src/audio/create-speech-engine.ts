import type { Config } from '../config/config-schema.js';
import { createLlmClient, OPENAI_BASE_URL } from '../llm/create-llm-client.js';
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
  /** Which engine speaks and why, for the log: `the speech server … (gpt-4o-mini-tts): SUMMARIZE_TTS_BASE_URL is set`. */
  reason: string;
}

/**
 * The one rule: SUMMARIZE_TTS_MODEL=espeak-ng speaks with eSpeak NG; otherwise SUMMARIZE_TTS_BASE_URL when set;
 * otherwise OpenAI's own speech endpoint when OPENAI_API_KEY is set and OPENAI_BASE_URL is unset (or OpenAI's);
 * otherwise eSpeak NG, which needs no account. A custom OPENAI_BASE_URL is never taken for a speech server:
 * Ollama, vLLM and llama.cpp have none.
 */
export function createSpeechEngine(config: Config, options: { breaker?: EndpointBreaker; language?: string | undefined } = {}): ChosenSpeech {
  const { serverUrl, reason } = chooseSpeechServer(config);
  // The model key goes only to the model's own endpoint, never to another speech server.
  const sharesLlmEndpoint = config.ttsBaseUrl === undefined || config.ttsBaseUrl === config.openaiBaseUrl;
  const engine =
    serverUrl === undefined
      ? createEspeakEngine()
      : createEndpointEngine({
          client: createLlmClient({ apiKey: sharesLlmEndpoint ? config.openaiApiKey : undefined, baseUrl: serverUrl, timeoutMs: config.llmTimeoutMs }),
          model: config.ttsModel,
          serverUrl: withoutLogin(serverUrl),
          usdPerMillionCharacters: config.ttsPrice,
          retry: { maxRetryAfterMs: config.maxRetryAfterMs, ...(options.breaker ? { breaker: options.breaker } : {}) },
        });
  // The endpoint's voices speak whatever language the text is in; eSpeak NG's are one language each.
  const voiceList = config.ttsVoices ?? (serverUrl === undefined ? getPodcastPhrases(options.language).espeakVoices : ENDPOINT_VOICES);
  const voices = Object.fromEntries(config.podcastHosts.map((host, index) => [host, voiceList[index] ?? voiceList[0]!]));
  const spoken = serverUrl === undefined ? engine.label : `${engine.label} (${config.ttsModel})`;
  return { engine, voices, reason: `${spoken}: ${reason}` };
}

// --- internal ---

function chooseSpeechServer(config: Config): { serverUrl: string | undefined; reason: string } {
  if (config.ttsModel === LOCAL_MODEL) return { serverUrl: undefined, reason: 'SUMMARIZE_TTS_MODEL is espeak-ng' };
  if (config.ttsBaseUrl !== undefined) return { serverUrl: config.ttsBaseUrl, reason: 'SUMMARIZE_TTS_BASE_URL is set' };
  const isOpenAi = config.openaiBaseUrl === undefined || config.openaiBaseUrl.replace(/\/+$/, '') === OPENAI_BASE_URL;
  if (isOpenAi && config.openaiApiKey !== undefined) return { serverUrl: OPENAI_BASE_URL, reason: "OPENAI_API_KEY is set and the model is OpenAI's, so OpenAI speaks" };
  if (!isOpenAi) return { serverUrl: undefined, reason: 'OPENAI_BASE_URL is not OpenAI and no SUMMARIZE_TTS_BASE_URL is set (a local LLM server has no speech endpoint)' };
  return { serverUrl: undefined, reason: 'no SUMMARIZE_TTS_BASE_URL and no OPENAI_API_KEY' };
}

// The address as messages show it: a login in it stays out of every line.
function withoutLogin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}
