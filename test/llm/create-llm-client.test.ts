import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/brief-error.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { LlmError } from '../../src/llm/llm-error.js';
import { withLlmRetries } from '../../src/llm/with-llm-retries.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi({ apiKey: 'sk-right-key-0123456789' });
});
afterEach(async () => {
  await fake.close();
});

describe('createLlmClient', () => {
  it('sends the key as a bearer token to the given base URL', async () => {
    const client = createLlmClient({ apiKey: 'sk-right-key-0123456789', baseUrl: fake.baseUrl, timeoutMs: 5000 });

    const models = await client.models.list();

    expect(models.data.map((model) => model.id)).toEqual(['gpt-5-mini', 'gpt-4o-mini']);
  });

  it('sends a login in the base URL as HTTP Basic auth, to the URL without it', async () => {
    await fake.close();
    fake = await startFakeOpenAi();
    const client = createLlmClient({ baseUrl: fake.baseUrl.replace('http://', 'http://brief:p%40ss@'), timeoutMs: 5000 });

    await client.chat.completions.create({ model: 'llama3', messages: [{ role: 'user', content: 'Hi' }] });

    expect(fake.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('brief:p@ss').toString('base64')}`);
  });

  it('sends a placeholder key to a local server when no key is configured', async () => {
    await fake.close();
    fake = await startFakeOpenAi();
    const client = createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 });

    await client.chat.completions.create({ model: 'llama3', messages: [{ role: 'user', content: 'Hi' }] });

    expect(fake.requests[0]?.headers.authorization).toMatch(/^Bearer \S+$/);
  });

  it('does no retries of its own, leaving them to withLlmRetries', async () => {
    fake.enqueue({ status: 500 }, { content: 'ok' });
    const client = createLlmClient({ apiKey: 'sk-right-key-0123456789', baseUrl: fake.baseUrl, timeoutMs: 5000 });

    await expect(
      client.chat.completions.create({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'Hi' }] }),
    ).rejects.toMatchObject({ status: 500 });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a wrong key without quoting either key, even when the server echoes it', async () => {
    const client = createLlmClient({ apiKey: 'sk-wrong-key-9876543210', baseUrl: fake.baseUrl, timeoutMs: 5000 });

    const error = await withLlmRetries(() => client.models.list()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toMatch(/rejected the API key \(401\): check OPENAI_API_KEY/);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toMatch(/sk-wrong|sk-right/);
  });

  it('asks for a key when neither a key nor a base URL is configured', () => {
    expect(() => createLlmClient({ timeoutMs: 5000 })).toThrow(ConfigError);
    expect(() => createLlmClient({ timeoutMs: 5000 })).toThrow(/OPENAI_API_KEY is not set/);
  });
});
