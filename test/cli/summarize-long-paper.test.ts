import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../helpers/make-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

// A generated paper of about 9,000 tokens: each section a few hundred distinct sentences' worth.
function section(heading: string, topic: string, sentences: number): string {
  const lines = [heading];
  for (let index = 1; index <= sentences; index += 1) {
    lines.push(`In ${topic} we observe behaviour number ${index} of the system, which the analysis relates to the central question of the paper.`);
  }
  return lines.join('\n');
}

async function makeLongPaperPdf(): Promise<Uint8Array> {
  const sections = [
    ['Abstract', 'We study long documents and how a summarizer should read them.', section('1 Introduction', 'the introduction', 40)].join('\n'),
    section('2 Related Work', 'prior work', 60),
    section('3 Method', 'the method', 60),
    `${section('4 Results', 'the results', 60)}\nOn 120 papers no invented numbers remained, against 14 percent for the baseline; quiz answers were correct in 91.5% of cases.`,
    section('5 Conclusion', 'the conclusion', 20),
    ['References', ...Array.from({ length: 30 }, (_, index) => `[${index + 1}] A. Author. A cited paper number ${index + 1}. Journal of Examples, 2020.`)].join('\n'),
    section('Appendix A Proofs', 'the appendix', 80),
  ];
  // makePdf draws one page per entry and stops at the page's end, so give it page-sized pieces.
  const lines = sections.join('\n').split('\n');
  const pages: string[] = [];
  for (let start = 0; start < lines.length; start += 24) pages.push(lines.slice(start, start + 24).join('\n'));
  return makePdf({ title: 'A Long Paper', pages });
}

let services: FakeServices;
beforeAll(async () => {
  services = await startFakeServices([{ id: '2509.33333', title: 'A Long Paper', pdf: await makeLongPaperPdf() }]);
});
afterAll(async () => {
  await services.close();
});

async function summarize(maxInputTokens: number) {
  const before = services.openai.requests.length;
  const result = await runCliCaptured(['2509.33333', '--json', '--force'], { ...services.env, SUMMARIZE_MAX_INPUT_TOKENS: String(maxInputTokens) });
  expect(result.stderr).not.toContain('internal error');
  expect(result.code).toBe(0);
  return { brief: JSON.parse(result.stdout)[0], requests: services.openai.requests.slice(before).map((request) => request.body) };
}

describe('papers longer than the model can read at once', () => {
  it('reads the whole paper when it fits, and says nothing was cut', async () => {
    const { brief, requests } = await summarize(100_000);
    expect(brief.generation.source).toMatchObject({ truncated: false, dropped: [], mapReduce: false });
    expect(requests).toHaveLength(1);
    expect(requests[0].messages[1].content).toContain('the appendix');
  });

  it('drops the appendix and less informative sections first, and records what it dropped', async () => {
    const { brief, requests } = await summarize(5_000);
    const { source } = brief.generation;
    expect(source.truncated).toBe(true);
    expect(source.mapReduce).toBe(false);
    expect(source.dropped.join(' ')).toMatch(/Appendix A/);
    expect(source.tokens).toBeLessThanOrEqual(5_000);
    const prompt: string = requests[0].messages[1].content;
    expect(prompt).not.toContain('the appendix');
    expect(prompt).toContain('the method');
    expect(prompt).toContain('the results');
  });

  it('briefs from per-part notes (map-reduce) when even the core does not fit', async () => {
    const { brief, requests } = await summarize(1_500);
    expect(brief.generation.source).toMatchObject({ truncated: true, mapReduce: true });
    const notes = requests.filter((request) => !request.response_format);
    expect(notes.length).toBeGreaterThan(1);
    for (const request of notes) expect(request.messages[0].content).toMatch(/Part \d+ of \d+/);
    // The brief was written from the notes, and every call's usage was counted.
    const final = requests.find((request) => request.response_format);
    expect(final.messages[1].content).toContain('Notes on part 1 of');
    expect(brief.generation.attempts).toBe(notes.length + 1);
  });

  it('writes the notes once for the brief and every style, which all read them as one prefix; a rerun adding a style writes none', async () => {
    const { rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    await rm(join(services.cacheDir, 'notes'), { recursive: true, force: true });
    const before = services.openai.requests.length;
    const env = { ...services.env, SUMMARIZE_MAX_INPUT_TOKENS: '1500' };
    expect((await runCliCaptured(['2509.33333', '--style', 'brief,blurb', '--force'], env)).code).toBe(0);
    const first = services.openai.requests.slice(before).map((request) => request.body);
    const notes = first.filter((request) => !request.response_format);
    const [brief, blurb] = first.filter((request) => request.response_format);
    expect(notes.length).toBeGreaterThan(1);
    expect(new Set(notes.map((request) => request.messages[0].content)).size).toBe(notes.length);
    expect(brief.messages[1].content).toContain('Notes on part 1 of');
    expect(blurb.messages.slice(0, 2)).toEqual(brief.messages.slice(0, 2));

    const rerunFrom = services.openai.requests.length;
    expect((await runCliCaptured(['2509.33333', '--style', 'brief,blurb,commentary'], env)).code).toBe(0);
    const rerun = services.openai.requests.slice(rerunFrom).map((request) => request.body);
    expect(rerun.filter((request) => !request.response_format)).toEqual([]);
    const notesText: string = brief.messages[1].content.slice(brief.messages[1].content.indexOf('Notes on part 1 of'));
    expect(rerun[0].messages[1].content).toContain(notesText);
  });

  it.each([0.0075, 0.03, 0.06])('keeps a long paper under --max-cost %s: every part is in its estimate', async (cap) => {
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { readLastRunReport } = await import('../helpers/nightly-papers.js');
    const { groundedBriefResponder } = await import('../helpers/brief-responder.js');
    const idsFile = join(services.outputDir, '..', 'long-ids.txt');
    await writeFile(idsFile, '2509.33333\n');
    // Long answers, though under the 3,000 output tokens each answer is estimated at.
    const usage = { prompt_tokens: 1000, completion_tokens: 2_500 };
    services.openai.setResponder((body) => ({ ...(body.response_format ? groundedBriefResponder(body) : { content: 'Notes.' }), usage }));

    const result = await runCliCaptured(['nightly', '--ids-file', idsFile, '--date', '2025-09-10', '--max-cost', String(cap), '--force'], { ...services.env, SUMMARIZE_MAX_INPUT_TOKENS: '1500' });

    expect(result.stderr).not.toContain('internal error');
    const report = await readLastRunReport(services.outputDir);
    expect(report.totals.costUsd).toBeLessThanOrEqual(cap);
    // A cap that holds the whole paper lets it through; a smaller one never starts it.
    expect(report.papers[0]!.outcome).toBe(cap >= 0.06 ? 'summarized' : 'not-started');
  });

  it('stops a long paper whose answers run far over their estimate, and ends the run as budget-stopped', async () => {
    const { rm, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { readLastRunReport } = await import('../helpers/nightly-papers.js');
    const idsFile = join(services.outputDir, '..', 'long-ids.txt');
    await writeFile(idsFile, '2509.33333\n');
    // A paper not read before: the notes the tests above kept in the cache would spare every part's call.
    await rm(join(services.cacheDir, 'notes'), { recursive: true, force: true });
    // 20,000 output tokens an answer: about $0.04 each, several times what each part was estimated at.
    const usage = { prompt_tokens: 1000, completion_tokens: 20_000 };
    services.openai.setResponder(() => ({ content: 'Notes.', usage }));
    const before = services.openai.requests.length;

    const result = await runCliCaptured(['nightly', '--ids-file', idsFile, '--date', '2025-09-10', '--max-cost', '0.06', '--force'], { ...services.env, SUMMARIZE_MAX_INPUT_TOKENS: '1500' });

    expect(result.code).toBe(3);
    const report = await readLastRunReport(services.outputDir);
    expect(report.status).toBe('budget-stopped');
    expect(report.papers[0]).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/--max-cost budget is reached/) });
    // The paper has more parts than were sent: it stopped once the next call no longer fit.
    expect(services.openai.requests.length - before).toBeLessThanOrEqual(2);
  });
});
