import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StyleResult, StyleResultSchema } from '../../src/brief/style-result-schema.js';
import type { FakeChatResponse } from '../fakes/fake-openai-server.js';
import { askedSchemaName, groundedBriefResponder, makeGroundedBlurbContent, makeGroundedContent, respondAsAsked } from '../helpers/brief-responder.js';
import { readLastRunReport } from '../helpers/nightly-papers.js';
import { startOnePaperServices } from '../helpers/one-paper-services.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import type { FakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

beforeEach(async () => {
  services = await startOnePaperServices();
});
afterEach(async () => {
  await services.close();
});

const PAPER_ID = '2509.08721';
const schemaNames = () => services.openai.requests.map((request) => askedSchemaName(request.body));
const readStyle = async (style: string): Promise<StyleResult> => StyleResultSchema.parse(JSON.parse(await readFile(join(services.outputDir, 'papers', `2509.08721v2.${style}.json`), 'utf8')));
const lastMessage = (index: number): string => services.openai.requests[index]!.body.messages.at(-1).content;

describe('the blurb and the commentary of a paper are asked in one call', () => {
  it('keeps a record per style whose usages add up to what the server billed, as the run report does', async () => {
    // Odd token counts, different for every call, so a share lost or counted twice shows.
    const billed: Array<{ prompt_tokens: number; completion_tokens: number; cached_tokens: number }> = [];
    services.openai.setResponder((body): FakeChatResponse => {
      const usage = { prompt_tokens: 20_001 + 17 * billed.length, completion_tokens: 1_001 + 13 * billed.length, cached_tokens: 9_473 + 7 * billed.length };
      billed.push(usage);
      return { ...groundedBriefResponder(body), usage };
    });

    const result = await runCliCaptured([PAPER_ID, '--style', 'brief,blurb,commentary'], services.env);

    expect(result.code).toBe(0);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb+paper_commentary']);
    const [blurb, commentary] = [await readStyle('blurb'), await readStyle('commentary')];
    const pair = billed[1]!;
    expect(blurb.generation.usage.inputTokens + commentary.generation.usage.inputTokens).toBe(pair.prompt_tokens);
    expect(blurb.generation.usage.cachedInputTokens + commentary.generation.usage.cachedInputTokens).toBe(pair.cached_tokens);
    expect(blurb.generation.usage.outputTokens + commentary.generation.usage.outputTokens).toBe(pair.completion_tokens);
    // The prompt is shared in halves, the answer by each text's length: the commentary is about four times the blurb.
    expect(Math.abs(blurb.generation.usage.inputTokens - commentary.generation.usage.inputTokens)).toBeLessThanOrEqual(1);
    expect(commentary.generation.usage.outputTokens).toBeGreaterThan(3 * blurb.generation.usage.outputTokens);
    const { totals } = await readLastRunReport(services.outputDir);
    const sum = (key: 'prompt_tokens' | 'completion_tokens' | 'cached_tokens') => billed.reduce((total, usage) => total + usage[key], 0);
    expect(totals).toMatchObject({ inputTokens: sum('prompt_tokens'), outputTokens: sum('completion_tokens'), cachedInputTokens: sum('cached_tokens') });
  });

  it('buys nothing for styles stored before, asks for the one missing alone, and versions each style as when it was asked alone', async () => {
    // Written one at a time, as every run did before the pair was asked in one call.
    expect((await runCliCaptured([PAPER_ID, '--style', 'brief,blurb'], services.env)).code).toBe(0);
    expect((await runCliCaptured([PAPER_ID, '--style', 'brief,commentary'], services.env)).code).toBe(0);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb', 'paper_commentary']);
    expect(lastMessage(2)).toMatch(/Answer in the field "commentary" of the JSON object/);
    const alone = { blurb: await readStyle('blurb'), commentary: await readStyle('commentary') };

    const rerun = await runCliCaptured([PAPER_ID, '--style', 'brief,blurb,commentary'], services.env);

    expect(rerun.code).toBe(0);
    expect(services.openai.requests).toHaveLength(3);
    expect(rerun.stdout).toContain('### What convinces');

    const forced = await runCliCaptured([PAPER_ID, '--style', 'brief,blurb,commentary', '--force'], services.env);

    expect(forced.code).toBe(0);
    expect(schemaNames().slice(3)).toEqual(['paper_brief', 'paper_blurb+paper_commentary']);
    for (const style of ['blurb', 'commentary'] as const) {
      const together = await readStyle(style);
      expect(together.generation.generatedAt > alone[style].generation.generatedAt).toBe(true);
      expect(together.generation.promptVersion).toBe(alone[style].generation.promptVersion);
    }
  });

  it('asks again for the field that failed alone, after the paper read from the same prefix, and keeps the other field', async () => {
    let pairCalls = 0;
    services.openai.setResponder((body) => {
      if (askedSchemaName(body) !== 'paper_blurb+paper_commentary') return groundedBriefResponder(body);
      pairCalls += 1;
      // The commentary is fine; the blurb is far too short.
      return respondAsAsked(body, (schemaName) => (schemaName === 'paper_blurb' ? { paragraphs: ['Too short.', 'Far too short.'] } : makeGroundedContent(schemaName, body)));
    });

    const result = await runCliCaptured([PAPER_ID, '--style', 'brief,blurb,commentary'], services.env);

    expect(result.code).toBe(0);
    expect(pairCalls).toBe(1);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb+paper_commentary', 'paper_blurb']);
    const [pair, repair] = [services.openai.requests[1]!.body, services.openai.requests[2]!.body];
    expect(repair.messages.slice(0, pair.messages.length)).toEqual(pair.messages);
    expect(lastMessage(2)).toMatch(/- blurb: the text has 5 words; write between 150 and 250[\s\S]*Answer in the field "blurb" of the JSON object/);
    const [blurb, commentary] = [await readStyle('blurb'), await readStyle('commentary')];
    expect(blurb.content).toEqual(makeGroundedBlurbContent());
    expect(blurb.generation.attempts).toBe(2);
    expect(commentary.generation.attempts).toBe(1);
    expect(commentary.content).toMatchObject({ sections: expect.arrayContaining([expect.objectContaining({ heading: 'What convinces' })]) });
  });

  it('sends numbers the paper does not contain back for the field that has them only', async () => {
    const invented = makeGroundedBlurbContent();
    invented.paragraphs[1] = invented.paragraphs[1]!.replace('14 percent', '37 percent');
    services.openai.setResponder((body) => respondAsAsked(body, (schemaName) => (schemaName === 'paper_blurb' ? invented : makeGroundedContent(schemaName, body))));

    const result = await runCliCaptured([PAPER_ID, '--style', 'brief,blurb,commentary'], services.env);

    expect(result.code).toBe(0);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb+paper_commentary', 'paper_blurb']);
    expect(lastMessage(2)).toMatch(/These numbers in your blurb do not occur in the paper text:\n- 37 percent[\s\S]*Answer in the field "blurb" of the JSON object/);
    expect(lastMessage(2)).not.toContain('commentary');
    expect((await readStyle('blurb')).checks.ungroundedNumbers).toEqual(['37 percent']);
    expect((await readStyle('commentary')).checks.ungroundedNumbers).toEqual([]);
  });
});
