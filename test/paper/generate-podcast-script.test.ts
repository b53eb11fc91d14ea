import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPrompts } from '../../src/brief/load-prompts.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLlmClient } from '../../src/llm/create-llm-client.js';
import { generatePodcastScript } from '../../src/paper/generate-podcast-script.js';
import { loadStylePrompt } from '../../src/brief/load-style-prompt.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai-server.js';
import { makePodcastSegment } from '../helpers/brief-responder.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

const PROMPTS_DIR = fileURLToPath(new URL('../../prompts', import.meta.url));
const PAPER_TEXT = 'We tested it on 120 papers. No invented numbers remained, against 14 percent for the baseline; quiz answers were right in 91.5% of cases.';
const paperText = { pageCount: 2, text: PAPER_TEXT, referencesRemoved: false, downloadMs: 0, extractMs: 0, fromCache: true };
let fake: FakeOpenAi;

beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(() => fake.close());

async function generate() {
  const config = loadConfig({ env: { OPENAI_BASE_URL: fake.baseUrl, SUMMARIZE_PROMPTS_DIR: PROMPTS_DIR, SUMMARIZE_PODCAST_HOSTS: 'Ada,Bo' }, envFile: '/nonexistent' });
  const prompts = await loadPrompts(PROMPTS_DIR);
  return generatePodcastScript(makeSampleBrief(), paperText, {
    config,
    prompts,
    stylePrompt: await loadStylePrompt(PROMPTS_DIR, 'podcast', prompts.system),
    llm: createLlmClient({ baseUrl: fake.baseUrl, timeoutMs: 5000 }),
    hosts: config.podcastHosts,
  });
}

// The segment's field of the paper's one schema (its brief is written with the same schema).
const withTurn = (text: string) => {
  const segment = makePodcastSegment(['Ada', 'Bo']);
  segment.turns[2] = { speaker: 'Bo', text };
  return { podcast: segment };
};

describe('generatePodcastScript', () => {
  it('sends an answer with a URL back with the problem, then grounds its numbers in the paper', async () => {
    fake.enqueue(
      { content: withTurn('The code is at https://github.com/example/tool for everyone.') },
      { content: withTurn('It was 37.9 percent better on every benchmark.') },
      { content: { podcast: makePodcastSegment(['Ada', 'Bo']) } },
    );
    const script = await generate();

    expect(fake.requests).toHaveLength(3);
    expect(JSON.stringify(fake.requests[1]!.body.messages.at(-1))).toContain('contains a URL');
    expect(JSON.stringify(fake.requests[2]!.body.messages.at(-1))).toContain('37.9');
    expect(script.checks.ungroundedNumbers).toEqual([]);
    expect(script).toMatchObject({ style: 'podcast', hosts: ['Ada', 'Bo'], generation: { attempts: 3, source: { kind: 'pdf', mapReduce: false } } });
    expect(fake.requests[0]!.body.messages.at(-1).content).toContain('Hosts: Ada and Bo. Ada hosts and Bo joins as the guest');
  });

  it('keeps the paid, valid script with its numbers flagged when the grounding round fails with 500s', async () => {
    const failing = { status: 500, headers: { 'retry-after': '0' } };
    fake.enqueue({ content: withTurn('It was 37.9 percent better on every benchmark.') }, failing, failing, failing, failing, failing);
    const script = await generate();
    expect(script.checks.ungroundedNumbers).toEqual(['37.9 percent']);
    expect(script.checks.warnings).toContain('numbers not found in the paper: 37.9 percent');
  });
});
