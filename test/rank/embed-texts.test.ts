import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { createEmbeddingCache } from '../../src/rank/create-embedding-cache.js';
import { embedTexts } from '../../src/rank/embed-texts.js';
import { EmbeddingsUnavailableError } from '../../src/rank/embeddings-unavailable-error.js';
import { LlmError } from '../../src/llm/llm-error.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';

let openai: FakeOpenAi;
let folder: string;

beforeEach(async () => {
  openai = await startFakeOpenAi();
  folder = await mkdtemp(join(tmpdir(), 'arxiv-brief-embed-'));
});

afterEach(async () => {
  await openai.close();
  await rm(folder, { recursive: true, force: true });
});

const client = () => createLlmClient({ apiKey: 'sk-test', baseUrl: openai.baseUrl, timeoutMs: 5000 });

describe('embedTexts', () => {
  it('sends many inputs per request, keeps their order, and counts tokens', async () => {
    const texts = Array.from({ length: 450 }, (_, index) => `text number ${index}`);
    const result = await embedTexts(client(), 'text-embedding-3-small', texts);

    expect(openai.embeddingRequests.map((request) => request.body.input.length)).toEqual([200, 200, 50]);
    expect(openai.embeddingRequests[0]!.body.model).toBe('text-embedding-3-small');
    expect(result.requests).toBe(3);
    expect(result.vectors).toHaveLength(450);
    expect(result.inputTokens).toBeGreaterThan(0);
    // Related texts are closer in the fake's space, as with a real model; the order is kept.
    const [retrieval, longRetrieval, graphs] = (await embedTexts(client(), 'm', ['long document retrieval', 'retrieval of long documents', 'graph molecules'])).vectors;
    const dot = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);
    expect(dot(retrieval!, longRetrieval!)).toBeGreaterThan(dot(retrieval!, graphs!));
  });

  it.each([
    ['not-json', /the embeddings answer is not JSON/],
    ['html', /the embeddings endpoint answered with HTML, not JSON: check OPENAI_BASE_URL/],
    ['nan', /the embeddings answer is not JSON/],
    ['short', /vectors of different lengths \(\d+ and 8\)/],
    ['zeros', /a vector of zeros/],
  ] as const)('rejects an answer at 200 that is %s, as an LlmError the ranking falls back from', async (broken, message) => {
    openai.setEmbeddings({ broken });
    const failure = await embedTexts(client(), 'text-embedding-3-small', ['long documents', 'graph molecules'], { retry: { maxRetries: 0 } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LlmError);
    expect(String(failure)).toMatch(message);
  });

  it.each([400, 404, 405])('says the server has no embeddings on HTTP %i', async (status) => {
    openai.setEmbeddings({ status });
    const failure = await embedTexts(client(), 'llama3', ['a']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmbeddingsUnavailableError);
    expect((failure as EmbeddingsUnavailableError).status).toBe(status);
  });
});

describe('createEmbeddingCache', () => {
  it('keeps a vector per paper version and model, and per topic text', async () => {
    const cache = createEmbeddingCache(folder, 'text-embedding-3-small');
    await cache.write({ id: 'hep-th/9108004', version: 2 }, [0.5, 0.25]);
    await cache.write({ text: 'graphs' }, [1, 0]);

    expect(await cache.read({ id: 'hep-th/9108004', version: 2 })).toEqual([0.5, 0.25]);
    expect(await cache.read({ id: 'hep-th/9108004', version: 1 })).toBeNull();
    expect(await cache.read({ text: 'graphs' })).toEqual([1, 0]);
    expect(await createEmbeddingCache(folder, 'other-model').read({ text: 'graphs' })).toBeNull();
    expect((await readdir(join(folder, 'embeddings', 'text-embedding-3-small'))).sort()).toEqual([
      'hep-th_9108004v2.json',
      expect.stringMatching(/^text-[0-9a-f]{32}\.json$/),
    ]);
  });
});
