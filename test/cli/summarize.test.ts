import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriefSchema } from '../../src/brief/brief-schema.js';
import { makeGroundedBriefContent } from '../helpers/brief-responder.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices, TEST_API_KEY } from '../helpers/start-fake-services.js';

let services: FakeServices;

beforeEach(async () => {
  services = await startFakeServices([
    { id: '2509.08721', version: 2, title: 'Grounded Briefs of Papers', published: '2025-09-10T17:59:59Z', pdf: await makePaperPdf('Grounded Briefs of Papers') },
    { id: 'hep-th/9108004', version: 1, title: 'Ground ring of two dimensional string theory', pdf: await makePaperPdf('Ground ring') },
  ]);
});
afterEach(async () => {
  await services.close();
});

const pdfRequests = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/'));

describe('summarize <id>', () => {
  it('looks the paper up, writes validated JSON and markdown, and prints the markdown', async () => {
    const result = await runCliCaptured(['2509.08721'], services.env);

    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Grounded Briefs of Papers\n\nPublished: 2025-09-10  \nLink: https:\/\/arxiv\.org\/pdf\/2509\.08721v2  \n/);
    for (const label of ['1. 📘 Topic and Domain:', '2. 💡 Previous Research and New Ideas:', '3. ❓ Problem:', '4. 🛠️ Methods:', '5. 📊 Results and Evaluation:', '## Critique', '## Quiz', 'Q3.', '```mermaid']) {
      expect(result.stdout).toContain(label);
    }
    const json = JSON.parse(await readFile(join(services.outputDir, 'papers/2509.08721v2.json'), 'utf8'));
    const brief = BriefSchema.parse(json);
    expect(brief.paper).toMatchObject({ id: '2509.08721', version: 2, title: 'Grounded Briefs of Papers', absUrl: 'https://arxiv.org/abs/2509.08721v2' });
    expect(brief.generation).toMatchObject({ model: 'gpt-5-mini', attempts: 1, source: { kind: 'pdf', pages: 2, truncated: false } });
    expect(brief.generation.usage.inputTokens).toBeGreaterThan(0);
    expect(brief.generation.costUsd).toBeGreaterThan(0);
    expect(new Set(brief.quiz.map((question) => question.answerIndex)).size).toBeGreaterThan(1);
    expect(await readFile(join(services.outputDir, 'papers/2509.08721v2.md'), 'utf8')).toBe(`${result.stdout}`);
    expect(await readFile(join(services.outputDir, 'papers/2509.08721v2.flowchart.svg'), 'utf8')).toMatch(/^<svg[\s\S]*Download PDF[\s\S]*<\/svg>\s*$/);
    expect((await readFile(join(services.outputDir, 'papers/2509.08721v2.flowchart.png'))).subarray(1, 4).toString()).toBe('PNG');
    // The paper text reached the model inside its delimiters, with the system prompt first.
    const request = services.openai.requests[0]!.body;
    expect(request.response_format.type).toBe('json_schema');
    expect(request.messages[0].role).toBe('system');
    expect(request.messages[1].content).toMatch(/<paper_text>\n[\s\S]*Our pipeline downloads the PDF[\s\S]*<\/paper_text>/);
  });

  it('summarizes each version asked for when several versions of one paper are given', async () => {
    const result = await runCliCaptured(['2509.08721v1', '2509.08721', '--json'], services.env);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((document: { paper: { version: number } }) => document.paper.version)).toEqual([1, 2]);
    expect(pdfRequests().map((request) => request.path)).toEqual(['/pdf/2509.08721v1', '/pdf/2509.08721v2']);
  });

  it('prints --json as one JSON array whatever the number of IDs, so a script reads one paper as it reads ten', async () => {
    const one = await runCliCaptured(['2509.08721', '--json'], services.env);
    const two = await runCliCaptured(['2509.08721', 'hep-th/9108004', '--json'], services.env);

    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(JSON.parse(one.stdout).map((brief: { paper: { id: string } }) => brief.paper.id)).toEqual(['2509.08721']);
    expect(JSON.parse(two.stdout).map((brief: { paper: { id: string } }) => brief.paper.id)).toEqual(['2509.08721', 'hep-th/9108004']);
  });

  it('prints an empty JSON array when no paper could be briefed, so the pipe still parses', async () => {
    const result = await runCliCaptured(['2509.99999', '--json'], services.env);

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('fails before any request or model call when the output folder cannot be written', async () => {
    const blocker = join(services.outputDir, '..', 'a-file');
    await writeFile(blocker, 'not a folder\n');

    const result = await runCliCaptured(['2509.08721', '--out', join(blocker, 'output')], services.env);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^summarize: cannot create .*a-file\/output: part of the path is a file, not a folder; .*SUMMARIZE_OUTPUT_DIR \(or --out\)/);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(services.arxiv.requests).toHaveLength(0);
    expect(services.openai.requests).toHaveLength(0);
  });

  it('accepts every ID form and writes an old-style ID with _ for /', async () => {
    const result = await runCliCaptured(['arXiv:hep-th/9108004v1', 'https://arxiv.org/abs/2509.08721v2', '--json'], services.env);
    expect(result.code).toBe(0);
    const documents = JSON.parse(result.stdout);
    expect(documents.map((document: { paper: { id: string } }) => document.paper.id)).toEqual(['hep-th/9108004', '2509.08721']);
    expect(existsSync(join(services.outputDir, 'papers/hep-th_9108004v1.json'))).toBe(true);
    // Metadata for both came in one API request.
    expect(services.arxiv.requests.filter((request) => request.path.startsWith('/api/'))).toHaveLength(1);
  });

  it('reuses the stored brief on a second run without downloading or paying again, and --force regenerates', async () => {
    const first = await runCliCaptured(['2509.08721'], services.env);
    expect(first.code).toBe(0);
    const second = await runCliCaptured(['2509.08721'], services.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain('already summarized');
    expect(pdfRequests()).toHaveLength(1);
    expect(services.openai.requests).toHaveLength(1);

    const forced = await runCliCaptured(['2509.08721', '--force'], services.env);
    expect(forced.code).toBe(0);
    expect(services.openai.requests).toHaveLength(2);
    // The PDF came from the cache.
    expect(pdfRequests()).toHaveLength(1);
  });

  it.each([['../../etc/passwd'], ['2509.08721/../../x'], ['not-an-id'], ['2513.00001']])('rejects %s with exit 2 and writes nothing', async (input) => {
    const result = await runCliCaptured([input], services.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not an arXiv ID: expected e.g. 2509.08721');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(services.arxiv.requests).toHaveLength(0);
    expect(existsSync(services.outputDir)).toBe(false);
  });

  it('says a paper arXiv does not know was not found, exits 1 and writes nothing', async () => {
    const result = await runCliCaptured(['2509.99999'], services.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2509.99999: not found on arXiv');
    expect(existsSync(join(services.outputDir, 'papers'))).toBe(false);
  });

  it('fails a paper whose PDF is an HTML page, naming the paper, and still writes the other one', async () => {
    services.arxiv.failNext('/pdf/2509.08721', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>PDF being generated</html>' });
    const result = await runCliCaptured(['2509.08721', 'hep-th/9108004'], services.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2509\.08721.*HTML/);
    expect(result.stdout).toContain('# Ground ring of two dimensional string theory');
    expect(await readdir(join(services.outputDir, 'papers'))).toEqual([
      'hep-th_9108004v1.flowchart.png',
      'hep-th_9108004v1.flowchart.svg',
      'hep-th_9108004v1.json',
      'hep-th_9108004v1.md',
    ]);
  });

  it('repairs an answer that is not valid JSON by asking again with the error', async () => {
    services.openai.enqueue({ content: '{"summary": ' });
    const result = await runCliCaptured(['2509.08721', '--json'], services.env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)[0].generation.attempts).toBe(2);
    expect(JSON.stringify(services.openai.requests[1]!.body.messages)).toMatch(/not valid JSON/i);
  });

  it('sends numbers the paper does not contain back once, and warns about any that remain', async () => {
    const invented = makeGroundedBriefContent();
    invented.summary.resultsAndEvaluation = 'It beats the baseline by 37.2% on 120 papers.';
    services.openai.enqueue({ content: invented }, { content: invented });
    const result = await runCliCaptured(['2509.08721', '--json'], services.env);
    expect(result.code).toBe(0);
    expect(services.openai.requests).toHaveLength(2);
    expect(JSON.stringify(services.openai.requests[1]!.body.messages.at(-1))).toContain('37.2%');
    const [brief] = JSON.parse(result.stdout);
    expect(brief.checks.ungroundedNumbers).toEqual(['37.2%']);
    const markdown = await readFile(join(services.outputDir, 'papers/2509.08721v2.md'), 'utf8');
    expect(markdown).toContain('Check before publishing');
    expect(markdown).toContain('37.2%');
  });

  it('keeps the paid, valid brief with its numbers flagged when the grounding round fails with 500s', async () => {
    const invented = makeGroundedBriefContent();
    invented.summary.resultsAndEvaluation = 'It beats the baseline by 37.2% on 120 papers.';
    const failing = { status: 500, headers: { 'retry-after': '0' } };
    services.openai.enqueue({ content: invented }, failing, failing, failing, failing, failing);
    const result = await runCliCaptured(['2509.08721', '--json'], services.env);
    expect(result.code).toBe(0);
    const [brief] = JSON.parse(result.stdout);
    expect(brief.checks.ungroundedNumbers).toEqual(['37.2%']);
    expect(brief.generation.usage.inputTokens).toBeGreaterThan(0);
    expect(existsSync(join(services.outputDir, 'papers/2509.08721v2.json'))).toBe(true);
  });

  it('warns in the brief when the server counted far fewer prompt tokens than were sent (silent truncation)', async () => {
    services.openai.enqueue({ content: makeGroundedBriefContent(), usage: { prompt_tokens: 300 } });
    const result = await runCliCaptured(['2509.08721', '--json'], { ...services.env, SUMMARIZE_MAX_INPUT_TOKENS: '100000' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)[0].checks.warnings).toContainEqual(expect.stringMatching(/^the server counted 300 prompt tokens for about \d+ sent: it may have cut the paper \(Ollama: raise OLLAMA_CONTEXT_LENGTH/));
  });

  it('fails the paper with a clear error after the bounded attempts, writing nothing', async () => {
    services.openai.enqueue({ content: 'nope' }, { content: 'nope' }, { content: 'nope' });
    const result = await runCliCaptured(['2509.08721'], services.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2509\.08721: .*3/);
    expect(existsSync(join(services.outputDir, 'papers/2509.08721v2.json'))).toBe(false);
  });

  it('never prints the API key, even when the server echoes a rejected one', async () => {
    const env = { ...services.env, OPENAI_API_KEY: 'sk-wrong-key-that-must-stay-secret-42' };
    const result = await runCliCaptured(['2509.08721'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OPENAI_API_KEY');
    expect(result.stderr + result.stdout).not.toContain('sk-wrong-key-that-must-stay-secret-42');
    expect(result.stderr + result.stdout).not.toContain(TEST_API_KEY);
  });

  it('fails at start with one line per configuration problem', async () => {
    const env = { ...services.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ARXIV_MIN_INTERVAL_MS: 'soon', SUMMARIZE_LLM_CONCURRENCY: '0' };
    const result = await runCliCaptured(['2509.08721'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ARXIV_MIN_INTERVAL_MS');
    expect(result.stderr).toContain('SUMMARIZE_LLM_CONCURRENCY');
    expect(services.arxiv.requests).toHaveLength(0);
  });

  it('gives one line to a setting that breaks several rules at once', async () => {
    const env = { ...services.env, OPENAI_BASE_URL: 'localhost', SUMMARIZE_MAX_ATTEMPTS: '99999999999999999999', SUMMARIZE_PRICES: '{"my-model":{"input":"cheap","output":-1}}' };
    const result = await runCliCaptured(['2509.08721'], env);

    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  - '))).toEqual([
      '  - OPENAI_BASE_URL: expected a URL such as https://example.org/path, got "localhost"',
      '  - SUMMARIZE_MAX_ATTEMPTS: expected a whole number above 0, got "99999999999999999999"',
      '  - SUMMARIZE_PRICES: at my-model.input: Invalid input: expected number, received string; at my-model.output: Too small: expected number to be >=0',
    ]);
  });
});
