import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countTokens } from '../../src/text/count-tokens.js';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai-server.js';
import { CACHE_BLOCK_TOKENS, serializePrompt } from './fake-prompt-cache.js';

// The fake's prompt cache is what bench:cost's figures rest on: it must follow OpenAI's documented rule.
let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi({ promptCaching: true });
});
afterEach(() => fake.close());

const LONG_TEXT = Array.from({ length: 400 }, (_, index) => `Sentence ${index} of a long paper about prompt caching.`).join(' ');
const schema = (name: string) => ({ type: 'json_schema', json_schema: { name, strict: true, schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false } } });

async function ask(body: Record<string, unknown>) {
  const response = await fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-5-mini', ...body }) });
  const completion = (await response.json()) as { usage: { prompt_tokens: number; prompt_tokens_details: { cached_tokens: number } } };
  return { promptTokens: completion.usage.prompt_tokens, cachedTokens: completion.usage.prompt_tokens_details.cached_tokens };
}

const paperThen = (question: string) => [
  { role: 'system', content: 'You write briefs.' },
  { role: 'user', content: LONG_TEXT },
  { role: 'user', content: question },
];

describe('the fake OpenAI server with promptCaching', () => {
  it('counts the prompt with the tokenizer, the schema first, and caches nothing on a first request', async () => {
    const body = { messages: paperThen('Write a brief.'), response_format: schema('paper_brief') };
    const first = await ask(body);
    expect(first.promptTokens).toBe(countTokens(serializePrompt(body)));
    expect(first.cachedTokens).toBe(0);
  });

  it('reads the shared prefix of a later request from the cache, in whole 128-token blocks of at least 1,024', async () => {
    await ask({ messages: paperThen('Write a brief.'), response_format: schema('paper_texts') });
    const second = await ask({ messages: paperThen('Write a blurb instead, in two paragraphs.'), response_format: schema('paper_texts') });
    expect(second.cachedTokens).toBeGreaterThanOrEqual(1_024);
    expect(second.cachedTokens % CACHE_BLOCK_TOKENS).toBe(0);
    // The schema, system prompt and paper are shared: all of it is read from the cache but the last partial block.
    const sharedTokens = countTokens(serializePrompt({ messages: paperThen('').slice(0, 2), response_format: schema('paper_texts') }));
    expect(second.cachedTokens).toBeGreaterThan(sharedTokens - CACHE_BLOCK_TOKENS - 1);
    expect(second.cachedTokens).toBeLessThanOrEqual(second.promptTokens);
  });

  it('shares nothing between requests with different schemas, since the schema comes first', async () => {
    await ask({ messages: paperThen('Write a brief.'), response_format: schema('paper_brief') });
    expect((await ask({ messages: paperThen('Write a brief.'), response_format: schema('paper_blurb') })).cachedTokens).toBe(0);
  });

  it('caches no prompt under 1,024 tokens', async () => {
    const short = { messages: [{ role: 'user', content: 'A short question about a paper.' }] };
    await ask(short);
    expect(await ask(short)).toMatchObject({ cachedTokens: 0 });
  });

  it('keeps each prompt_cache_key to itself, and forgets everything when cleared', async () => {
    const body = { messages: paperThen('Write a brief.'), response_format: schema('paper_texts') };
    await ask({ ...body, prompt_cache_key: 'paper-1' });
    expect((await ask({ ...body, prompt_cache_key: 'paper-2' })).cachedTokens).toBe(0);
    expect((await ask({ ...body, prompt_cache_key: 'paper-1' })).cachedTokens).toBeGreaterThan(0);
    fake.clearPromptCache();
    expect((await ask({ ...body, prompt_cache_key: 'paper-1' })).cachedTokens).toBe(0);
  });
});
