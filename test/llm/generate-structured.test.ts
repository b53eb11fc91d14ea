import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BriefContentSchema, type BriefContent } from '../../src/brief/brief-schema.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { generateStructured } from '../../src/llm/generate-structured.js';
import { LlmError } from '../../src/llm/llm-error.js';
import { NoValidOutputError } from '../../src/llm/no-valid-output-error.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';

const validBrief: BriefContent = {
  tldr: 'Learned molecular fingerprints lower the error on QM9 by 12%.',
  summary: {
    topicAndDomain: 'Graph neural networks for molecule property prediction.',
    previousResearchAndNewIdeas: 'Earlier work used fixed fingerprints; this paper learns them.',
    problem: 'Fingerprints miss long-range interactions.',
    methods: 'A message-passing network with attention over atom pairs.',
    resultsAndEvaluation: 'It lowers the error on QM9 by 12% against the best baseline.',
  },
  critique: {
    strengths: ['Clear ablations.'],
    limitations: ['Only small molecules are tested.'],
    implications: 'Learned fingerprints may replace hand-made ones in screening.',
  },
  quiz: [1, 2, 3].map((number) => ({
    question: `Question ${number}?`,
    options: ['First option', 'Second option', 'Third option'],
    answerIndex: number - 1,
    explanation: `Because of reason ${number}.`,
  })),
  flowchart: {
    nodes: [
      { id: 'atoms', label: 'Atom features', stage: 'Input' },
      { id: 'network', label: 'Message passing', stage: 'Model' },
      { id: 'score', label: 'QM9 error', stage: 'Evaluation' },
    ],
    edges: [
      { from: 'atoms', to: 'network', label: '' },
      { from: 'network', to: 'score', label: '' },
    ],
  },
};

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

function generateBrief(overrides: { maxAttempts?: number; maxOutputTokens?: number } = {}) {
  return generateStructured({
    client: createLlmClient({ apiKey: 'sk-test-key-0123456789', baseUrl: fake.baseUrl, timeoutMs: 5000 }),
    model: 'gpt-5-mini',
    messages: [
      { role: 'system', content: 'You write briefs of papers.' },
      { role: 'user', content: 'Paper text: ...' },
    ],
    schema: BriefContentSchema,
    schemaName: 'brief_content',
    maxAttempts: overrides.maxAttempts ?? 3,
    maxOutputTokens: overrides.maxOutputTokens,
    retry: { sleep: async () => {} },
  });
}

function lastUserMessage(requestIndex: number): string {
  const messages = fake.requests[requestIndex]?.body.messages as Array<{ role: string; content: string }>;
  return messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
}

describe('generateStructured', () => {
  it('returns the validated value of a valid first answer, with usage, attempts and the conversation', async () => {
    fake.enqueue({ content: validBrief, usage: { prompt_tokens: 1200, completion_tokens: 300, cached_tokens: 1000 } });

    const result = await generateBrief();

    expect(result.value).toEqual(validBrief);
    expect(result.attempts).toBe(1);
    expect(result.usage).toEqual({ inputTokens: 1200, outputTokens: 300, cachedInputTokens: 1000 });
    expect(result.finishReason).toBe('stop');
    expect(JSON.parse(result.rawText)).toEqual(validBrief);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant']);
    expect(fake.requests).toHaveLength(1);
  });

  it('sends a strict json_schema response format in which every object requires all its properties', async () => {
    await generateBrief();

    const body = fake.requests[0]?.body;
    expect(body.model).toBe('gpt-5-mini');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.name).toBe('brief_content');
    expect(body.response_format.json_schema.strict).toBe(true);
    const objects = collectObjectSchemas(body.response_format.json_schema.schema);
    expect(objects.length).toBeGreaterThanOrEqual(4); // root, summary, critique, quiz item
    for (const objectSchema of objects) {
      expect(objectSchema.additionalProperties).toBe(false);
      expect([...objectSchema.required].sort()).toEqual(Object.keys(objectSchema.properties).sort());
    }
    const quiz = body.response_format.json_schema.schema.properties.quiz;
    expect([quiz.minItems, quiz.maxItems]).toEqual([3, 3]);
  });

  it('accepts the default fake answer, which follows the schema it was sent', async () => {
    const result = await generateBrief();

    expect(result.attempts).toBe(1);
    expect(result.value.quiz).toHaveLength(3);
    expect(new Set(result.value.quiz[0]?.options).size).toBe(3);
  });

  it('sends max_completion_tokens only when asked', async () => {
    await generateBrief({ maxOutputTokens: 4000 });
    await generateBrief();

    expect(fake.requests[0]?.body.max_completion_tokens).toBe(4000);
    expect(fake.requests[1]?.body).not.toHaveProperty('max_completion_tokens');
  });

  it('asks again after an answer that is not JSON, quoting the parse error', async () => {
    fake.enqueue({ content: 'Here is your brief: summary is great' }, { content: validBrief });

    const result = await generateBrief();

    expect(result.attempts).toBe(2);
    expect(result.value).toEqual(validBrief);
    const secondMessages = fake.requests[1]?.body.messages;
    expect(secondMessages.at(-2)).toEqual({ role: 'assistant', content: 'Here is your brief: summary is great' });
    expect(lastUserMessage(1)).toMatch(/not valid JSON/);
    expect(lastUserMessage(1)).toMatch(/full corrected JSON/);
  });

  it('accepts JSON in a markdown fence, as some local models write it', async () => {
    fake.enqueue({ content: '```json\n' + JSON.stringify(validBrief, null, 2) + '\n```' });

    const result = await generateBrief();

    expect(result.attempts).toBe(1);
    expect(result.value).toEqual(validBrief);
  });

  it('asks again, for a shorter answer, after one cut off by the token limit', async () => {
    const cutOff = JSON.stringify(validBrief).slice(0, 200);
    fake.enqueue({ content: cutOff, finishReason: 'length' }, { content: validBrief });

    const result = await generateBrief({ maxOutputTokens: 100 });

    expect(result.attempts).toBe(2);
    expect(lastUserMessage(1)).toMatch(/cut off/);
    expect(lastUserMessage(1)).toMatch(/fewer words/);
  });

  it('asks again after a refusal', async () => {
    fake.enqueue({ refusal: 'I cannot help with that.' }, { content: validBrief });

    const result = await generateBrief();

    expect(result.attempts).toBe(2);
    expect(fake.requests[1]?.body.messages.at(-2)).toEqual({ role: 'assistant', content: 'I cannot help with that.' });
    expect(lastUserMessage(1)).toMatch(/refused: I cannot help with that/);
  });

  it('feeds schema violations back with their paths', async () => {
    const twoQuestions = { ...validBrief, quiz: validBrief.quiz.slice(0, 2) };
    const repeatedOptions = {
      ...validBrief,
      quiz: [{ ...validBrief.quiz[0]!, options: ['Same', 'same', 'Other'] }, validBrief.quiz[1]!, validBrief.quiz[2]!],
    };
    fake.enqueue({ content: twoQuestions }, { content: repeatedOptions }, { content: validBrief });

    const result = await generateBrief();

    expect(result.attempts).toBe(3);
    expect(lastUserMessage(1)).toMatch(/^- quiz: .*3/m);
    expect(lastUserMessage(2)).toMatch(/^- quiz\[0\]\.options: the three options must be distinct$/m);
    // The whole conversation goes back each time.
    expect(fake.requests[2]?.body.messages).toHaveLength(2 + 2 * 2);
  });

  it('sums usage over all attempts', async () => {
    fake.enqueue(
      { content: 'nope', usage: { prompt_tokens: 1000, completion_tokens: 10, cached_tokens: 0 } },
      { content: validBrief, usage: { prompt_tokens: 1100, completion_tokens: 500, cached_tokens: 1000 } },
    );

    const result = await generateBrief();

    expect(result.usage).toEqual({ inputTokens: 2100, outputTokens: 510, cachedInputTokens: 1000 });
  });

  it('counts usage as zero when the server reports none', async () => {
    fake.enqueue({ content: validBrief, usage: null });

    const result = await generateBrief();

    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 });
  });

  it('throws NoValidOutputError with the last raw text, issues and usage after maxAttempts calls', async () => {
    const twoQuestions = { ...validBrief, quiz: validBrief.quiz.slice(0, 2) };
    fake.enqueue(
      { content: 'not json', usage: { prompt_tokens: 10, completion_tokens: 1 } },
      { content: twoQuestions, usage: { prompt_tokens: 20, completion_tokens: 2 } },
      { content: validBrief },
    );

    const error = await generateBrief({ maxAttempts: 2 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NoValidOutputError);
    const noOutput = error as NoValidOutputError;
    expect(noOutput.rawText).toBe(JSON.stringify(twoQuestions));
    expect(noOutput.finishReason).toBe('stop');
    expect(noOutput.attempts).toBe(2);
    expect(noOutput.issues.some((issue) => issue.startsWith('quiz:'))).toBe(true);
    expect(noOutput.usage).toEqual({ inputTokens: 30, outputTokens: 3, cachedInputTokens: 0 });
    expect(noOutput.message).toMatch(/no valid brief_content after 2 attempt/);
    expect(fake.requests).toHaveLength(2);
  });

  it('lets a follow-up round extend the returned conversation', async () => {
    fake.enqueue({ content: validBrief });
    const first = await generateBrief();
    const corrected = { ...validBrief, summary: { ...validBrief.summary, resultsAndEvaluation: 'It lowers the error.' } };
    fake.enqueue({ content: corrected });

    const second = await generateStructured({
      client: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 }),
      model: 'gpt-5-mini',
      messages: [...first.messages, { role: 'user', content: 'These numbers are not in the paper: 12%.' }],
      schema: BriefContentSchema,
      schemaName: 'brief_content',
      maxAttempts: 2,
    });

    expect(second.value).toEqual(corrected);
    const sent = fake.requests[1]?.body.messages as Array<{ role: string; content: string }>;
    expect(sent.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.parse(sent[2]!.content)).toEqual(validBrief);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    // Abort once the server holds the request (an event, not a timer); its answer would come only after the test's limit.
    fake.setResponder(() => {
      controller.abort();
      return { delayMs: 600_000, content: validBrief };
    });

    const error = await generateStructured({
      client: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 10_000 }),
      model: 'gpt-5-mini',
      messages: [{ role: 'user', content: 'Paper text: ...' }],
      schema: BriefContentSchema,
      schemaName: 'brief_content',
      maxAttempts: 3,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toBe('the LLM request was cancelled');
    expect(fake.requests).toHaveLength(1);
  });

  it('works with any zod schema, including refinements at the root', async () => {
    const schema = z.object({ low: z.number(), high: z.number() }).refine((range) => range.low < range.high, 'low must be below high');
    fake.enqueue({ content: { low: 5, high: 1 } }, { content: { low: 1, high: 5 } });

    const result = await generateStructured({
      client: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 }),
      model: 'local-model',
      messages: [{ role: 'user', content: 'Give a range.' }],
      schema,
      schemaName: 'range',
      maxAttempts: 2,
    });

    expect(result.value).toEqual({ low: 1, high: 5 });
    expect(lastUserMessage(1)).toMatch(/\(whole answer\): low must be below high/);
  });

  it('says the endpoint answered HTML, not JSON, when a web page comes back with HTTP 200', async () => {
    fake.enqueue({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><body>Welcome to nginx!</body></html>' });

    const error = await generateBrief().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toBe('the LLM endpoint answered with HTML, not JSON: check OPENAI_BASE_URL (it usually ends in /v1)');
  });
});

// --- internal ---

function collectObjectSchemas(schema: any): any[] {
  if (!schema || typeof schema !== 'object') return [];
  const own = schema.type === 'object' ? [schema] : [];
  const children = Object.values(schema).flatMap((child) =>
    Array.isArray(child) ? child.flatMap(collectObjectSchemas) : collectObjectSchemas(child),
  );
  return [...own, ...children];
}
