import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StyleResultSchema } from '../../src/brief/style-result-schema.js';
import { askedSchemaName, makeGroundedBlurbContent, makeGroundedBriefContent } from '../helpers/brief-responder.js';
import { listPdfRequests, startOnePaperServices } from '../helpers/one-paper-services.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import type { FakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

beforeEach(async () => {
  services = await startOnePaperServices();
});
afterEach(async () => {
  await services.close();
});

const pdfRequests = () => listPdfRequests(services);
const schemaNames = () => services.openai.requests.map((request) => askedSchemaName(request.body));
const papersDir = () => join(services.outputDir, 'papers');

describe('summarize <id> --style', () => {
  it('writes the brief and a blurb, each with its checks and provenance, and prints both', async () => {
    const result = await runCliCaptured(['2509.08721', '--style', 'brief,blurb'], services.env);

    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1. 📘 Topic and Domain:');
    expect(result.stdout).toContain('On 120 papers the grounded briefs contained no invented numbers');
    expect(result.stdout).toMatch(/_Written by gpt-5-mini on \d{4}-\d{2}-\d{2}\._/);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb']);
    const blurb = StyleResultSchema.parse(JSON.parse(await readFile(join(papersDir(), '2509.08721v2.blurb.json'), 'utf8')));
    expect(blurb).toMatchObject({ style: 'blurb', language: 'en', checks: { ungroundedNumbers: [] }, generation: { model: 'gpt-5-mini', attempts: 1, source: { kind: 'pdf', pages: 2, truncated: false, mapReduce: false } } });
    expect(blurb.generation.costUsd).toBeGreaterThan(0);
    expect(await readFile(join(papersDir(), '2509.08721v2.blurb.md'), 'utf8')).toMatch(/^# Grounded Briefs of Papers\n\nLink: https:\/\/arxiv\.org\/pdf\/2509\.08721v2\n\nThis paper turns/);
    // The paper inside the data delimiters, as in the brief's call, then the blurb's own prompt.
    const [, paper, instructions] = services.openai.requests[1]!.body.messages;
    expect(paper.content).toMatch(/^<paper_text>\n[\s\S]*Our pipeline downloads the PDF[\s\S]*<\/paper_text>\n$/);
    expect(instructions.content).toMatch(/^Write a short newsletter blurb/);
  });

  it('adds a style on a rerun paying for that style only, from the cached paper text; a third run costs nothing', async () => {
    expect((await runCliCaptured(['2509.08721'], services.env)).code).toBe(0);
    expect(pdfRequests()).toHaveLength(1);
    expect(schemaNames()).toEqual(['paper_brief']);

    const second = await runCliCaptured(['2509.08721', '--style', 'brief,blurb,commentary'], services.env);
    expect(second.code).toBe(0);
    expect(pdfRequests()).toHaveLength(1);
    // The blurb and the commentary are asked in one call: the paper is read once for both.
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb+paper_commentary']);
    // The paper has no figures to offer yet: the prompt says so and the commentary picks none.
    expect(services.openai.requests[1]!.body.messages[1].content).toContain('Figures of the paper:\n(none: this paper has no figures we could extract)');
    const commentary = StyleResultSchema.parse(JSON.parse(await readFile(join(papersDir(), '2509.08721v2.commentary.json'), 'utf8')));
    expect(commentary.content).toMatchObject({ figures: [] });
    expect(second.stdout).toContain('### What convinces');

    const third = await runCliCaptured(['2509.08721', '--style', 'brief,blurb,commentary'], services.env);
    expect(third.code).toBe(0);
    expect(services.openai.requests).toHaveLength(2);
    expect(pdfRequests()).toHaveLength(1);
    expect(third.stdout).toContain('### What convinces');
  });

  it('sends a blurb of the wrong length back to the model with its word count, and keeps the repaired one', async () => {
    const short = { paragraphs: ['Too short.', 'Far too short.'] };
    services.openai.enqueue({ content: { brief: makeGroundedBriefContent() } }, { content: { blurb: short } });

    const result = await runCliCaptured(['2509.08721', '--style', 'blurb'], services.env);

    expect(result.code).toBe(0);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb', 'paper_blurb']);
    expect(JSON.stringify(services.openai.requests[2]!.body.messages.at(-1))).toMatch(/the text has 5 words; write between 150 and 250/);
    // Only the blurb was asked for: the brief is written for the edition but not printed.
    expect(result.stdout).not.toContain('## Critique');
    expect(result.stdout).toContain('This paper turns research papers');
    const blurb = StyleResultSchema.parse(JSON.parse(await readFile(join(papersDir(), '2509.08721v2.blurb.json'), 'utf8')));
    expect(blurb.generation.attempts).toBe(2);
  });

  it('flags a number the paper does not contain after one grounding round', async () => {
    const invented = makeGroundedBlurbContent();
    invented.paragraphs[1] = invented.paragraphs[1]!.replace('14 percent', '37 percent');
    services.openai.enqueue({ content: { brief: makeGroundedBriefContent() } }, { content: { blurb: invented } }, { content: { blurb: invented } });

    const result = await runCliCaptured(['2509.08721', '--style', 'blurb'], services.env);

    expect(result.code).toBe(0);
    expect(schemaNames()).toEqual(['paper_brief', 'paper_blurb', 'paper_blurb']);
    expect(services.openai.requests[2]!.body.messages.at(-1).content).toContain('- 37 percent');
    expect(result.stdout).toContain('> - numbers not found in the paper: 37 percent');
  });

  it('refuses an unknown style in SUMMARIZE_STYLES as a configuration error naming the styles there are', async () => {
    const result = await runCliCaptured(['2509.08721'], { ...services.env, SUMMARIZE_STYLES: 'brief,haiku' });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SUMMARIZE_STYLES: unknown style "haiku"; the styles are brief, blurb, commentary, podcast (comma-separated)');
    expect(services.arxiv.requests).toHaveLength(0);
  });

  it('refuses an unknown style before any request, naming the styles there are', async () => {
    const result = await runCliCaptured(['2509.08721', '--style', 'brief,haiku'], services.env);

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('summarize: --style: unknown style "haiku"; the styles are brief, blurb, commentary, podcast (comma-separated)');
    expect(services.arxiv.requests).toHaveLength(0);
    expect(existsSync(papersDir())).toBe(false);
  });
});
