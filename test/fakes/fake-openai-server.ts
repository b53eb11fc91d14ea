import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeTokens } from '../../src/text/count-tokens.js';
import { createFakePromptCache, type PromptCacheCount } from './fake-prompt-cache.js';
import { createFakeBatchApi, type FakeBatchApi } from './fake-batch-api.js';

/** Token counts to report; any left out are derived from the request and answer sizes (about 4 characters a token). */
export interface FakeUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  cached_tokens?: number;
}

/** One scripted answer of the fake `POST /v1/chat/completions`. Every field is optional. */
export interface FakeChatResponse {
  /** The assistant's text; an object is sent JSON.stringified. Default: `''`. */
  content?: string | object;
  /** Default `'stop'`; `'length'` simulates a cut-off answer. */
  finishReason?: string;
  /** Sets `message.refusal` and `content: null`, as OpenAI does when the model refuses. */
  refusal?: string;
  /** Default: derived from the sizes; `null` leaves `usage` out of the answer, as some local servers do. */
  usage?: FakeUsage | null;
  /** Default 200; 4xx/5xx get an OpenAI-style `{ error: { message } }` body unless `body` is given. */
  status?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
  /** Sent instead of the completion: a string as is, anything else JSON.stringified. */
  body?: unknown;
  /** Wait this long before answering (added to the server's `latencyMs`), e.g. to trigger a client timeout. */
  delayMs?: number;
  /** Close the connection without answering, to simulate a crashed server. */
  dropConnection?: boolean;
}

/** A chat completion request as the fake received it. */
export interface FakeRequest {
  /** The parsed JSON body: `model`, `messages`, `response_format`, … */
  body: any;
  headers: IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** The batch it came in, when it was a line of a Batch API input file. */
  batchId?: string;
}

/** Answers a request when the queue is empty. */
export type FakeResponder = (body: any, request: FakeRequest) => FakeChatResponse | Promise<FakeChatResponse>;

export interface FakeOpenAiOptions {
  /** Used when the queue is empty; default: `defaultFakeResponder` (a sample that fits the requested JSON schema). */
  responder?: FakeResponder;
  /** Added before every chat answer, to simulate model latency in benchmarks; default 0. */
  latencyMs?: number;
  /** IDs listed by `GET /v1/models`; default `['gpt-5-mini', 'gpt-4o-mini']`. */
  models?: string[];
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401 that (like some servers) echoes the key sent. */
  apiKey?: string;
  /**
   * OpenAI's prompt caching (see fake-prompt-cache.ts): usage counts the prompt and answer with the project's
   * tokenizer and reports `cached_tokens`. Default: off, sizes estimated at about 4 characters a token, nothing cached.
   */
  promptCaching?: boolean;
}

/**
 * What `POST /v1/embeddings` does: answer (hashed bag-of-words vectors), an HTTP status (a server without embeddings,
 * or a failing one; `retryAfter` sets the header), or `hang`: never answer, as a dead server does.
 */
export type FakeEmbeddingsMode = 'vectors' | 'hang' | { status: number; retryAfter?: string } | { broken: BrokenEmbeddings };

/** Answers at 200 that are no usable vectors, as misconfigured servers and proxies send. */
export type BrokenEmbeddings = 'not-json' | 'html' | 'nan' | 'short' | 'zeros';

export interface FakeOpenAi {
  /** Pass as the client's baseURL, e.g. `http://127.0.0.1:41234/v1`. */
  baseUrl: string;
  /** Every `POST /v1/chat/completions` received, oldest first (`GET /v1/models` is not recorded). */
  requests: FakeRequest[];
  /** Scripts the next answers, first in first out; they take precedence over the responder. */
  enqueue(...responses: FakeChatResponse[]): void;
  /** Replaces the responder used once the queue is empty. */
  setResponder(responder: FakeResponder): void;
  /** Every `POST /v1/embeddings` received, oldest first; `body.input` holds the texts. */
  embeddingRequests: FakeRequest[];
  /** Default 'vectors': texts sharing words get closer vectors. */
  setEmbeddings(mode: FakeEmbeddingsMode): void;
  /** Forgets every cached prompt prefix (with `promptCaching`), as a cold server would. */
  clearPromptCache(): void;
  /** The Files and Batches API: its batches, and commands to finish them; each line is answered as a chat request is. */
  batchApi: FakeBatchApi;
  /** Stops the server, dropping open connections and pending delayed answers. */
  close(): Promise<void>;
}

/**
 * Starts a real OpenAI-compatible HTTP server on 127.0.0.1 (random port) that answers
 * `POST /v1/chat/completions` (non-streaming) from a queue of scripted answers, then from a responder,
 * and `GET /v1/models` with a short list.
 *
 * ```ts
 * const fake = await startFakeOpenAi();
 * fake.enqueue({ status: 429, headers: { 'retry-after': '1' } }, { content: { ok: true } });
 * const client = createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 });
 * // … fake.requests[1].body.messages …
 * await fake.close();
 * ```
 */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const queue: FakeChatResponse[] = [];
  const requests: FakeRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let responder = options.responder ?? defaultFakeResponder;
  let answered = 0;
  const embeddingRequests: FakeRequest[] = [];
  let embeddingsMode: FakeEmbeddingsMode = 'vectors';
  const promptCache = options.promptCaching ? createFakePromptCache() : undefined;
  const batchApi = createFakeBatchApi(async (body, batchId) => {
    const request: FakeRequest = { body, headers: {}, receivedAt: Date.now(), batchId };
    requests.push(request);
    const cached = promptCache?.count(body);
    const response = queue.shift() ?? (await responder(body, request));
    answered += 1;
    const { status, body: answerBody } = buildCompletion(body, response, answered, cached);
    return { status, body: answerBody };
  });

  const server = createServer((incoming, outgoing) => {
    handleRequest(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) sendJson(outgoing, 500, errorBody(`fake server failed: ${String(error)}`, 'server_error'));
      else outgoing.destroy();
    });
  });

  async function handleRequest(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const path = new URL(incoming.url ?? '/', 'http://fake').pathname.replace(/\/+$/, '');
    if (options.apiKey !== undefined && incoming.headers.authorization !== `Bearer ${options.apiKey}`) {
      const sentKey = (incoming.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      sendJson(outgoing, 401, errorBody(`Incorrect API key provided: ${sentKey}.`, 'invalid_request_error', 'invalid_api_key'));
      return;
    }
    if (await batchApi.handle(incoming, outgoing, path)) return;
    if (incoming.method === 'GET' && path === '/v1/models') {
      const data = (options.models ?? ['gpt-5-mini', 'gpt-4o-mini']).map((id) => ({
        id,
        object: 'model',
        created: 1_700_000_000,
        owned_by: 'fake-openai',
      }));
      sendJson(outgoing, 200, { object: 'list', data });
      return;
    }
    if (incoming.method === 'POST' && path === '/v1/embeddings') {
      const body = JSON.parse(await readBody(incoming));
      embeddingRequests.push({ body, headers: incoming.headers, receivedAt: Date.now() });
      if (embeddingsMode === 'hang') return;
      if (typeof embeddingsMode === 'object' && 'broken' in embeddingsMode) {
        const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
        outgoing.writeHead(200, { 'content-type': embeddingsMode.broken === 'html' ? 'text/html; charset=utf-8' : 'application/json' }).end(brokenEmbeddings(embeddingsMode.broken, inputs, body.model));
        return;
      }
      if (embeddingsMode !== 'vectors') {
        if (embeddingsMode.retryAfter !== undefined) outgoing.setHeader('retry-after', embeddingsMode.retryAfter);
        sendJson(outgoing, embeddingsMode.status, errorBody(`no embeddings for ${String(body?.model)} on this server`, 'invalid_request_error'));
        return;
      }
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: hashedBagOfWords(text) }));
      const tokens = inputs.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
      sendJson(outgoing, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
      return;
    }
    if (incoming.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(outgoing, 404, errorBody(`no route ${incoming.method} ${path} on the fake OpenAI server`, 'invalid_request_error'));
      return;
    }
    const receivedAt = Date.now();
    const text = await readBody(incoming);
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      sendJson(outgoing, 400, errorBody('the request body is not JSON', 'invalid_request_error'));
      return;
    }
    const request: FakeRequest = { body, headers: incoming.headers, receivedAt };
    requests.push(request);
    if (body?.stream) {
      sendJson(outgoing, 400, errorBody('the fake OpenAI server does not stream', 'invalid_request_error'));
      return;
    }
    // The server caches the prompt as it reads it, before answering: a request that follows reuses it.
    const cached = promptCache?.count(body);
    const response = queue.shift() ?? (await responder(body, request));
    await wait((options.latencyMs ?? 0) + (response.delayMs ?? 0));
    if (outgoing.destroyed) return;
    if (response.dropConnection) {
      incoming.socket.destroy();
      return;
    }
    answered += 1;
    sendCompletion(outgoing, body, response, answered, cached);
  }

  function wait(milliseconds: number): Promise<void> {
    if (milliseconds <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        resolve();
      }, milliseconds);
      pendingTimers.add(timer);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...responses) => {
      queue.push(...responses);
    },
    setResponder: (next) => {
      responder = next;
    },
    embeddingRequests,
    setEmbeddings: (mode) => {
      embeddingsMode = mode;
    },
    clearPromptCache: () => promptCache?.clear(),
    batchApi,
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The responder used by default: a sample that fits the request's `response_format` JSON schema, or `'OK'`. */
export function defaultFakeResponder(body: any): FakeChatResponse {
  const schema = body?.response_format?.json_schema?.schema;
  if (!schema) return { content: 'OK' };
  return { content: sampleFromJsonSchema(schema, schema, { next: 1 }) as object };
}

/**
 * A value that fits `schema` (the subset strict structured outputs use): every string is distinct
 * ("Sample text 1.", "Sample text 2.", …), arrays have their minimum length (at least 1), numbers their minimum.
 */
export function sampleFromJsonSchema(schema: any, root: any = schema, counter = { next: 1 }): unknown {
  if (schema?.$ref) return sampleFromJsonSchema(resolveRef(root, schema.$ref), root, counter);
  if (schema?.const !== undefined) return schema.const;
  if (Array.isArray(schema?.enum)) return schema.enum[0];
  const variants = schema?.anyOf ?? schema?.oneOf;
  if (Array.isArray(variants)) {
    const chosen = variants.find((variant: any) => variant?.type !== 'null') ?? variants[0];
    return sampleFromJsonSchema(chosen, root, counter);
  }
  const type = Array.isArray(schema?.type) ? schema.type.find((name: string) => name !== 'null') : schema?.type;
  switch (type) {
    case 'object':
      // A graph's edges must name its nodes, which no JSON schema can say: answer a small valid chain.
      if (schema.properties?.nodes && schema.properties?.edges) return sampleFlowchart(counter);
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sampleFromJsonSchema(property, root, counter)]),
      );
    case 'array': {
      const length = Math.max(schema.minItems ?? 1, 1);
      return Array.from({ length }, () => sampleFromJsonSchema(schema.items ?? {}, root, counter));
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum === undefined ? 0 : schema.exclusiveMinimum + 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return `Sample text ${counter.next++}.`;
  }
}

// --- internal ---

function sampleFlowchart(counter: { next: number }) {
  const nodes = ['Input', 'Method', 'Evaluation'].map((stage, index) => ({ id: `step${index + 1}`, label: `Sample step ${counter.next++}`, stage }));
  const edges = [
    { from: 'step1', to: 'step2', label: '' },
    { from: 'step2', to: 'step3', label: '' },
  ];
  return { nodes, edges };
}

function resolveRef(root: any, ref: string): any {
  if (ref === '#') return root;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, part) => node?.[part], root);
}

function sendCompletion(outgoing: ServerResponse, requestBody: any, response: FakeChatResponse, sequence: number, cached: PromptCacheCount | undefined): void {
  const { status, body } = buildCompletion(requestBody, response, sequence, cached);
  sendJson(outgoing, status, body, { 'x-request-id': `req_fake_${sequence}`, ...response.headers });
}

// The status and body of a chat answer, sent at once or written in a batch's output file.
function buildCompletion(requestBody: any, response: FakeChatResponse, sequence: number, cached: PromptCacheCount | undefined): { status: number; body: unknown } {
  const status = response.status ?? 200;
  if (response.body !== undefined) return { status, body: response.body };
  if (status >= 400) return { status, body: errorBody(`fake error ${status}`, status >= 500 ? 'server_error' : 'invalid_request_error') };
  const content =
    response.refusal !== undefined
      ? null
      : typeof response.content === 'string' || response.content === undefined
        ? (response.content ?? '')
        : JSON.stringify(response.content);
  const completion: Record<string, unknown> = {
    id: `chatcmpl-fake-${sequence}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: requestBody?.model ?? 'fake-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: response.refusal ?? null },
        finish_reason: response.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
  };
  if (response.usage !== null) {
    const answerText = content ?? response.refusal ?? '';
    const promptTokens = response.usage?.prompt_tokens ?? cached?.promptTokens ?? estimateTokens(JSON.stringify(requestBody?.messages ?? []));
    const completionTokens = response.usage?.completion_tokens ?? (cached ? encodeTokens(answerText).length : estimateTokens(answerText));
    completion.usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: response.usage?.cached_tokens ?? cached?.cachedTokens ?? 0 },
    };
  }
  return { status, body: completion };
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const EMBEDDING_DIMENSIONS = 256;
const FILLER_WORDS = new Set('a an and are as at by for from in is it of on or that the this to we with our'.split(' '));

/** A unit vector counting the text's words in hashed buckets: texts sharing words point alike, as real embeddings of related texts do. */
export function hashedBagOfWords(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (FILLER_WORDS.has(word)) continue;
    let hash = 2166136261;
    for (const character of word) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
    vector[(hash >>> 0) % EMBEDDING_DIMENSIONS]! += 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function errorBody(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

function sendJson(outgoing: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  outgoing.writeHead(status, { 'content-type': 'application/json', ...headers });
  outgoing.end(text);
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function brokenEmbeddings(kind: BrokenEmbeddings, inputs: string[], model: string): string {
  if (kind === 'not-json') return 'upstream connect error or disconnect/reset before headers';
  // A captive portal or a web server's front page at the configured URL.
  if (kind === 'html') return '<!doctype html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>';
  const data = inputs.map((text, index) => ({
    object: 'embedding',
    index,
    embedding: kind === 'zeros' ? hashedBagOfWords(text).map(() => 0) : kind === 'short' && index === inputs.length - 1 ? hashedBagOfWords(text).slice(0, 8) : hashedBagOfWords(text),
  }));
  const json = JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: 1, total_tokens: 1 } });
  // JSON has no NaN, but a server that prints floats naively sends one.
  return kind === 'nan' ? json.replace(/"embedding":\[[-0-9.e]+/, '"embedding":[NaN') : json;
}
