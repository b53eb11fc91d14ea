import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BriefSchema, type Generation } from '../../src/brief/brief-schema.js';
import { computeCostUsd } from '../../src/llm/compute-cost-usd.js';
import { countTokens } from '../../src/text/count-tokens.js';
import { CACHE_BLOCK_TOKENS, serializePrompt } from '../fakes/fake-prompt-cache.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PROMPTS_DIR = fileURLToPath(new URL('../../prompts', import.meta.url));
const PAPER = { id: '2509.08721', version: 2, title: 'Grounded Briefs of Papers', published: '2025-09-10T17:59:59Z' };

let services: FakeServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

// The fake caches prompts as OpenAI does (1,024 tokens or more, 128-token blocks, the schema first).
async function startCachingServices() {
  services = await startFakeServices([{ ...PAPER, pdf: await makePaperPdf(PAPER.title) }], { promptCaching: true });
  return services;
}

const readGeneration = async (running: FakeServices, file: string): Promise<Generation> => JSON.parse(await readFile(join(running.outputDir, 'papers', file), 'utf8')).generation;

describe('every call of a paper starts with the same prefix, read from the prompt cache after the first', () => {
  it('brief, blurb with commentary, and podcast segment send one schema, the same system prompt and paper, and one prompt_cache_key', async () => {
    const running = await startCachingServices();
    const result = await runCliCaptured([PAPER.id, '--style', 'brief,blurb,commentary,podcast'], { ...running.env, SUMMARIZE_PROMPT_CACHE_KEY: 'on' });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    // Three calls: the blurb and the commentary are asked in one, so the paper is read once for both.
    const bodies = running.openai.requests.map((request) => request.body);
    expect(bodies).toHaveLength(3);
    const [first] = bodies;
    for (const body of bodies) {
      expect(JSON.stringify(body.response_format)).toBe(JSON.stringify(first.response_format));
      expect(body.messages.slice(0, 2)).toEqual(first.messages.slice(0, 2));
      expect(body.prompt_cache_key).toBe('arxiv-brief-2509.08721v2');
    }
    expect(first.messages[1].content).toMatch(/^<paper_text>\nTitle: Grounded Briefs of Papers\n[\s\S]*Figures of the paper:\n\(none[\s\S]*Our pipeline downloads the PDF/);
    // Only the last message differs: each call's own instructions, naming the fields it fills.
    expect(bodies.map((body) => /Answer in the fields? (.+?) of the JSON object/.exec(body.messages[2].content)?.[1])).toEqual(['"brief"', '"blurb" and "commentary"', '"podcast"']);
    // The pair's instructions are the two prompt files' own, each under its field.
    const [blurbPrompt, commentaryPrompt] = (await Promise.all(['blurb.md', 'commentary.md'].map((file) => readFile(join(PROMPTS_DIR, file), 'utf8')))) as [string, string];
    expect(bodies[1].messages[2].content).toContain(`For the field "blurb":\n${blurbPrompt.split('\n')[0]}`);
    expect(bodies[1].messages[2].content).toContain(`For the field "commentary":\n${commentaryPrompt.split('\n')[0]}`);

    const brief = await readGeneration(running, '2509.08721v2.json');
    expect(brief.usage.cachedInputTokens).toBe(0);
    const sharedTokens = countTokens(serializePrompt({ response_format: first.response_format, messages: first.messages.slice(0, 2) }));
    const blurb = await readGeneration(running, '2509.08721v2.blurb.json');
    const commentary = await readGeneration(running, '2509.08721v2.commentary.json');
    const podcast = await readGeneration(running, '2509.08721v2.podcast.json');
    // The schema, the system prompt and the paper were read from the cache (all but a last partial block), at the cached-input price;
    // the pair's call is shared by its two records, its prompt in halves.
    for (const cached of [blurb.usage.cachedInputTokens + commentary.usage.cachedInputTokens, podcast.usage.cachedInputTokens]) expect(cached).toBeGreaterThan(sharedTokens - CACHE_BLOCK_TOKENS);
    expect(Math.abs(blurb.usage.inputTokens - commentary.usage.inputTokens)).toBeLessThanOrEqual(1);
    for (const generation of [blurb, commentary, podcast]) expect(generation.costUsd).toBeLessThan(computeCostUsd('gpt-5-mini', { ...generation.usage, cachedInputTokens: 0 })!);
    const report = await readLastRunReport(running.outputDir);
    expect(report.papers[0]!.usage!.cachedInputTokens).toBe(blurb.usage.cachedInputTokens + commentary.usage.cachedInputTokens);
    expect(report.totals.cachedInputTokens).toBe(report.papers[0]!.usage!.cachedInputTokens);
  });

  it('sends no prompt_cache_key to a server other than OpenAI unless told to, and none at all with off', async () => {
    const running = await startCachingServices();
    expect((await runCliCaptured([PAPER.id, '--style', 'brief,blurb'], running.env)).code).toBe(0);
    expect((await runCliCaptured([PAPER.id, '--style', 'brief,blurb', '--force'], { ...running.env, SUMMARIZE_PROMPT_CACHE_KEY: 'off' })).code).toBe(0);
    expect(running.openai.requests).toHaveLength(4);
    expect(running.openai.requests.every((request) => !('prompt_cache_key' in request.body))).toBe(true);
  });

  it('sends a prompt file that still holds the paper as before: one message, its own schema, no key', async () => {
    const running = await startCachingServices();
    const promptsDir = await mkdtemp(join(tmpdir(), 'arxiv-brief-prompts-'));
    try {
      await cp(PROMPTS_DIR, promptsDir, { recursive: true });
      const instructions = await readFile(join(promptsDir, 'brief.md'), 'utf8');
      await writeFile(join(promptsDir, 'brief.md'), `${instructions}\n<paper_text>\nTitle: {{title}}\nAbstract: {{abstract}}\n\n{{paperText}}\n</paper_text>\n`);

      const result = await runCliCaptured([PAPER.id, '--json'], { ...running.env, SUMMARIZE_PROMPTS_DIR: promptsDir, SUMMARIZE_PROMPT_CACHE_KEY: 'on' });

      expect(result.code).toBe(0);
      BriefSchema.parse(JSON.parse(result.stdout)[0]);
      const [body] = running.openai.requests.map((request) => request.body);
      expect(body.messages.map((message: { role: string }) => message.role)).toEqual(['system', 'user']);
      expect(body.messages[1].content).toMatch(/^Write a brief of the paper\.[\s\S]*<paper_text>\nTitle: Grounded Briefs of Papers[\s\S]*Our pipeline downloads the PDF/);
      expect(body.response_format.json_schema.name).toBe('paper_brief');
      expect('prompt_cache_key' in body).toBe(false);
    } finally {
      await rm(promptsDir, { recursive: true, force: true });
    }
  });
});

describe('a paper with one call', () => {
  it('gives its instructions first and no key, so the briefs of a night read the schema, system prompt and instructions from the cache', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers, { promptCaching: true });
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));

    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--source', 'hf'], { ...services.env, SUMMARIZE_PROMPT_CACHE_KEY: 'on', SUMMARIZE_LLM_CONCURRENCY: '1' });

    expect(result.code).toBe(0);
    const bodies = services.openai.requests.map((request) => request.body);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) {
      expect(body.messages.map((message: { role: string }) => message.role)).toEqual(['system', 'user']);
      expect(body.messages[1].content).toMatch(/^Write a brief of the paper\.[\s\S]*\n\n<paper_text>\nTitle: Nightly Paper/);
      expect('prompt_cache_key' in body).toBe(false);
    }
    const { papers: runs } = await readLastRunReport(services.outputDir);
    // Whichever paper reached the model first read nothing from the cache; the other read the shared instructions.
    expect(runs.map((run) => run.usage!.cachedInputTokens > 0).sort()).toEqual([false, true]);
  });
});

describe('the nightly run says what share of its input was read from the cache', () => {
  it('closes with "cached N %" from the run report\'s totals', async () => {
    const papers = await makeNightlyPapers(2);
    services = await startFakeServices(papers, { promptCaching: true });
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));

    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--source', 'hf', '--style', 'brief,blurb'], services.env);

    expect(result.code).toBe(0);
    const { totals } = await readLastRunReport(services.outputDir);
    expect(totals.cachedInputTokens).toBeGreaterThan(0);
    const share = Math.round((100 * totals.cachedInputTokens) / totals.inputTokens);
    expect(result.stderr).toMatch(new RegExp(`done in .*: 2 summarized, 0 skipped, 0 failed; spent \\$\\d\\.\\d{4}; cached ${share} %\\n`));
  });
});
