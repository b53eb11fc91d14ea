import type OpenAI from 'openai';
import { loadOpenAi } from './load-openai.js';
import { ConfigError } from '../errors/brief-error.js';
import { redactSecrets } from '../secrets/redact-secrets.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

// Local OpenAI-compatible servers (Ollama, vLLM, llama.cpp) ignore the key, but the client insists on one.
const PLACEHOLDER_API_KEY = 'no-key-needed';

export interface CreateLlmClientOptions {
  /** Required unless `baseUrl` points at a server that needs none. */
  apiKey?: string | undefined;
  /** Any OpenAI-compatible `/v1` endpoint; default: OpenAI's. */
  baseUrl?: string | undefined;
  /** Per HTTP request; a timed-out request is retried by `withLlmRetries`. */
  timeoutMs: number;
  /** Default: the global fetch. */
  fetch?: typeof globalThis.fetch | undefined;
}

/** The OpenAI client with its own retries off, because openai 6 would wait for any Retry-After without limit. */
export function createLlmClient(options: CreateLlmClientOptions): OpenAI {
  if (!options.apiKey && !options.baseUrl) {
    throw new ConfigError([
      'OPENAI_API_KEY is not set: set it, or set OPENAI_BASE_URL to an OpenAI-compatible server that needs no key',
    ]);
  }
  // A login in the URL (a proxy in front of a local server) goes as HTTP Basic auth, never inside the URL the client logs.
  const { url: baseUrl, basicAuth } = splitLogin(options.baseUrl ?? OPENAI_BASE_URL);
  // Every value is explicit so the client reads nothing from process.env on its own.
  const { default: OpenAIClient } = loadOpenAi();
  return new OpenAIClient({
    apiKey: options.apiKey || PLACEHOLDER_API_KEY,
    baseURL: baseUrl,
    ...(basicAuth ? { defaultHeaders: { authorization: basicAuth } } : {}),
    organization: null,
    project: null,
    webhookSecret: null,
    adminAPIKey: null,
    timeout: options.timeoutMs,
    maxRetries: 0,
    fetch: redactErrorBodies(options.fetch ?? globalThis.fetch, options.apiKey ? [options.apiKey] : []),
  });
}

// --- internal ---


function splitLogin(url: string): { url: string; basicAuth?: string } {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return { url };
  const login = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.href.replace(/\/+$/, ''), basicAuth: `Basic ${Buffer.from(login).toString('base64')}` };
}

// Servers echo the key in error bodies; redacted here, no error message, per-paper reason or report ever holds it.
function redactErrorBodies(fetch: typeof globalThis.fetch, secrets: readonly string[]): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok) return response;
    const headers = new Headers(response.headers);
    // The body is re-encoded as plain text of a new length.
    headers.delete('content-length');
    headers.delete('content-encoding');
    const body = redactSecrets(await response.text(), secrets, { keyShapes: true });
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
