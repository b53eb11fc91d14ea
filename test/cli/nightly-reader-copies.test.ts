import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadersDatabase } from '../../src/readers/open-readers-database.js';
import { createReadersStore } from '../../src/readers/readers-store.js';
import type { FakePaper } from '../fakes/fake-arxiv-server.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/fake-smtp-server.js';
import { groundedBriefResponder } from '../helpers/brief-responder.js';
import { readLastRunReport } from '../helpers/nightly-papers.js';
import { makePaperPdf } from '../helpers/paper-pdf.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const EARLIER = '2025-09-09';
const NIGHT = '2025-09-10';
const GRAPHS = 'Graph neural networks';
const RETRIEVAL = 'Long document retrieval';

// Two topics a day: graphs (which Grace likes) and retrieval (which Rosa likes).
function topicPaper(id: string, topic: 'graph' | 'retrieval', index: number, published: string): FakePaper {
  return topic === 'graph'
    ? { id, title: `${GRAPHS} for molecule graphs ${index}`, abstract: `Message passing over molecular graphs with graph neural networks predicts molecule properties (${index}).`, published }
    : { id, title: `${RETRIEVAL} with sparse attention ${index}`, abstract: `Retrieval of passages from long documents with sparse attention over long context windows (${index}).`, published };
}

const EARLIER_PAPERS = [topicPaper('2509.09001', 'graph', 1, `${EARLIER}T12:00:00Z`), topicPaper('2509.09002', 'graph', 2, `${EARLIER}T12:00:00Z`), topicPaper('2509.09003', 'retrieval', 1, `${EARLIER}T12:00:00Z`), topicPaper('2509.09004', 'retrieval', 2, `${EARLIER}T12:00:00Z`)];
const NIGHT_PAPERS = Array.from({ length: 8 }, (_, index) => topicPaper(`2509.${10_001 + index}`, index % 2 === 0 ? 'retrieval' : 'graph', 10 + index, `${NIGHT}T12:00:00Z`));
const INTERESTS = ['retrieval over long documents', 'sparse attention', ''].join('\n');
const GRACE = 'grace@example.org';
const ROSA = 'rosa@example.org';
const NOVA = 'nova@example.org';

let services: FakeServices;
let smtp: FakeSmtp;

afterEach(async () => {
  await smtp?.close();
  await services?.close();
});

async function start(): Promise<NodeJS.ProcessEnv> {
  const papers = await Promise.all([...EARLIER_PAPERS, ...NIGHT_PAPERS].map(async (paper) => ({ ...paper, pdf: await makePaperPdf(paper.title!) })));
  services = await startFakeServices(papers);
  services.hf.setDay(EARLIER, EARLIER_PAPERS.map((paper) => paper.id));
  services.hf.setDay(NIGHT, NIGHT_PAPERS.map((paper) => paper.id));
  smtp = await startFakeSmtp();
  const interests = join(services.outputDir, '..', 'interests.txt');
  await writeFile(interests, INTERESTS);
  return { ...services.env, SUMMARIZE_INTERESTS: interests, SUMMARIZE_EMBEDDING_MODEL: 'none', SMTP_URL: smtp.url, SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>' };
}

// Three readers of the database: Grace 👍 graphs and 👎 retrieval, Rosa the opposite, Nova has not voted.
async function addReaders(env: NodeJS.ProcessEnv): Promise<void> {
  for (const address of [GRACE, ROSA, NOVA]) expect((await runCliCaptured(['readers', 'add', address], env)).code).toBe(0);
  const connection = openReadersDatabase(join(`${services.outputDir}-data`, 'readers.sqlite'))!;
  try {
    const readers = createReadersStore(connection);
    const vote = (address: string, paperId: string, vote: 'up' | 'down') => readers.recordVote(readers.find(address)!.id, paperId, vote);
    vote(GRACE, '2509.09001', 'up');
    vote(GRACE, '2509.09002', 'up');
    vote(GRACE, '2509.09003', 'down');
    vote(ROSA, '2509.09003', 'up');
    vote(ROSA, '2509.09004', 'up');
    vote(ROSA, '2509.09001', 'down');
  } finally {
    connection.close();
  }
}

async function mailTo(address: string): Promise<ParsedMail> {
  const message = smtp.messages.find((received) => received.to.includes(address));
  expect(message, `a copy for ${address}`).toBeDefined();
  return simpleParser(message!.raw);
}

// The titles shown in full, in the copy's order.
function titlesInFull(mail: ParsedMail): string[] {
  return [...String(mail.html).matchAll(/<h2 class="title"[^>]*><a [^>]*>\d+\. ([^<]+)<\/a><\/h2>/g)].map((match) => match[1]!);
}

describe("summarize nightly --send: each reader's own copy", () => {
  it('orders each copy by its reader’s votes with a reason per pick and "Also today", keeps the web edition shared, and briefs each paper of the union once', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', EARLIER], env)).code).toBe(0);
    await addReaders(env);
    const requestsBefore = services.openai.requests.length;

    const night = await runCliCaptured(['nightly', '--date', NIGHT, '--send', '--top', '3'], { ...env, SUMMARIZE_READER_TOP: '5' });

    expect(night.code, night.stderr).toBe(0);
    expect(night.stderr).toMatch(/ranked 2 readers' own copies \(5 picks each and 1 outside their usual\): \d+ more papers? to brief for them/);
    expect(smtp.messages).toHaveLength(3);

    const grace = await mailTo(GRACE);
    const rosa = await mailTo(ROSA);
    const nova = await mailTo(NOVA);
    const graceOrder = titlesInFull(grace);
    const rosaOrder = titlesInFull(rosa);
    // Their own five, then one "outside your usual" pick in addition.
    expect(graceOrder).toHaveLength(6);
    expect(rosaOrder).toHaveLength(6);
    expect(graceOrder.slice(0, 3).every((title) => title.startsWith(GRAPHS))).toBe(true);
    expect(rosaOrder.slice(0, 3).every((title) => title.startsWith(RETRIEVAL))).toBe(true);
    // Each pick says why, short, under its title; after a copy of five, one more from outside the reader's usual, marked.
    expect(String(grace.html)).toMatch(/<p class="reason"[^>]*>like Graph neural networks for molecule graphs [12]<\/p>/);
    expect(String(rosa.html)).toMatch(/<p class="reason"[^>]*>(like Long document retrieval with sparse attention [12]|matches [^<]+)<\/p>/);
    for (const mail of [grace, rosa]) {
      const reasons = [...String(mail.html).matchAll(/<p class="reason"[^>]*>([^<]*)<\/p>/g)].map((match) => match[1]!);
      expect(reasons).toHaveLength(6);
      expect(reasons.map((reason) => reason.startsWith('Outside your usual'))).toEqual([false, false, false, false, false, true]);
      expect(String(mail.html)).toMatch(/>Also today<\/h2><ol start="7"/);
      expect(mail.text).toContain('Also today:');
    }

    // The web edition, and Nova's copy, are the shared ranking: the three best by the interests, then the readers' picks by their shared rank.
    const report = await readLastRunReport(services.outputDir);
    const sharedOrder = report.papers.filter((paper) => paper.outcome === 'summarized').sort((left, right) => left.ranking!.rank! - right.ranking!.rank!).map((paper) => paper.title ?? paper.id);
    const index = JSON.parse(await readFile(join(services.outputDir, 'digests', `${NIGHT}.json`), 'utf8')) as { papers: Array<{ title: string }> };
    expect(index.papers.map((paper) => paper.title)).toEqual(sharedOrder);
    expect(index.papers.slice(0, 3).every((paper) => paper.title.startsWith(RETRIEVAL))).toBe(true);
    expect(titlesInFull(nova)).toEqual(sharedOrder);
    expect(String(nova.html)).not.toContain('class="reason"');
    const web = await readFile(join(services.outputDir, 'digests', `${NIGHT}.html`), 'utf8');
    expect(web).not.toContain('Also today');
    expect(web).not.toContain('Outside your usual');

    // The union of the picks is briefed once: one model call per paper, each paper in exactly one.
    const calls = services.openai.requests.slice(requestsBefore).map((request) => JSON.stringify(request.body));
    expect(calls).toHaveLength(sharedOrder.length);
    for (const title of sharedOrder) expect(calls.filter((call) => call.includes(title)), title).toHaveLength(1);
    expect(sharedOrder.length).toBeGreaterThan(3);

    // Each reader's copy is sent exactly once: a send now mails nobody; a dry run writes the first reader's own copy.
    const again = await runCliCaptured(['send', '--date', NIGHT], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/already sent/);
    expect(smtp.messages).toHaveLength(3);
    const dryRun = await runCliCaptured(['send', '--date', NIGHT, '--dry-run'], env);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const eml = await simpleParser(await readFile(join(services.outputDir, 'mail', `${NIGHT}.eml`)));
    expect(eml.to).toMatchObject({ value: [{ address: GRACE }] });
    expect(titlesInFull(eml)).toEqual(graceOrder);
  });

  it('briefs only the shared picks when a fixed list is mailed instead of the database’s readers', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', EARLIER], env)).code).toBe(0);
    await addReaders(env);
    const requestsBefore = services.openai.requests.length;

    const night = await runCliCaptured(['nightly', '--date', NIGHT, '--send', '--top', '3'], { ...env, SUMMARIZE_MAIL_TO: GRACE });

    expect(night.code, night.stderr).toBe(0);
    expect(night.stderr).not.toContain("readers' own copies");
    expect(services.openai.requests.length - requestsBefore).toBe(3);
    const mail = await mailTo(GRACE);
    expect(String(mail.html)).not.toContain('class="reason"');
    expect(titlesInFull(mail).every((title) => title.startsWith(RETRIEVAL))).toBe(true);
  });

  it('mails everyone the shared edition, with one warning, when the readers database is locked past its busy timeout while the night reads their profiles', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', EARLIER], env)).code).toBe(0);
    await addReaders(env);
    // Another process (`summarize serve` recording a vote) holds the write lock from when the night reads the day's list
    // (after its mail check) until the first brief is asked for (after the readers' ranking).
    const holder = new DatabaseConstructor(join(`${services.outputDir}-data`, 'readers.sqlite'));
    services.hf.onRequest((request) => {
      if (request.query.date === NIGHT && !holder.inTransaction) holder.exec('BEGIN IMMEDIATE');
    });
    services.openai.setResponder((body) => {
      if (holder.open) holder.close();
      return groundedBriefResponder(body);
    });

    const night = await runCliCaptured(['nightly', '--date', NIGHT, '--send', '--top', '3'], { ...env, SUMMARIZE_READER_TOP: '5' });

    expect(holder.open).toBe(false);
    expect(night.code, night.stderr).toBe(0);
    const warnings = night.stderr.split('\n').filter((line) => line.includes('readers get the shared edition tonight'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('is locked by another process');
    expect(night.stderr).not.toContain("readers' own copies");
    const report = await readLastRunReport(services.outputDir);
    const sharedOrder = report.papers.filter((paper) => paper.outcome === 'summarized').sort((left, right) => left.ranking!.rank! - right.ranking!.rank!).map((paper) => paper.title ?? paper.id);
    expect(sharedOrder).toHaveLength(3);
    const index = JSON.parse(await readFile(join(services.outputDir, 'digests', `${NIGHT}.json`), 'utf8')) as { papers: Array<{ title: string }> };
    expect(index.papers.map((paper) => paper.title)).toEqual(sharedOrder);
    expect(smtp.messages).toHaveLength(3);
    for (const address of [GRACE, ROSA, NOVA]) {
      const mail = await mailTo(address);
      expect(titlesInFull(mail)).toEqual(sharedOrder);
      expect(String(mail.html)).not.toContain('class="reason"');
    }
  });

  it("ranks the readers' own copies by the shared ranking's embeddings even when the cache could not keep the day's", async () => {
    const env = await start();
    const withEmbeddings = { ...env, SUMMARIZE_EMBEDDING_MODEL: undefined };
    expect((await runCliCaptured(['nightly', '--date', EARLIER], withEmbeddings)).code).toBe(0);
    await addReaders(withEmbeddings);
    // The voted papers' vectors are cached; each of the night's candidates finds a folder where its cache file would go.
    const [model] = await readdir(join(services.cacheDir, 'embeddings'));
    for (const paper of NIGHT_PAPERS) await mkdir(join(services.cacheDir, 'embeddings', model!, `${paper.id}v1.json`), { recursive: true });

    const night = await runCliCaptured(['nightly', '--date', NIGHT, '--send', '--top', '3'], { ...withEmbeddings, SUMMARIZE_READER_TOP: '5' });

    expect(night.code, night.stderr).toBe(0);
    expect(night.stderr).toContain('could not keep the embeddings in the cache');
    const graceFirst = titlesInFull(await mailTo(GRACE))[0]!;
    expect(graceFirst.startsWith(GRAPHS)).toBe(true);
    const graceFirstId = NIGHT_PAPERS.find((paper) => paper.title === graceFirst)!.id;
    const explained = await runCliCaptured(['readers', 'explain', GRACE, graceFirstId], withEmbeddings);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toMatch(/model score\s+0\.\d+ \(embeddings\)/);
  });

  it('readers explain names the parts of a paper\'s score for a reader, and refuses an unknown reader or paper in one line', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', EARLIER], env)).code).toBe(0);
    await addReaders(env);
    expect((await runCliCaptured(['nightly', '--date', NIGHT, '--send', '--top', '3'], { ...env, SUMMARIZE_READER_TOP: '5' })).code).toBe(0);
    const graceFirst = titlesInFull(await mailTo(GRACE))[0]!;
    const graceFirstId = NIGHT_PAPERS.find((paper) => paper.title === graceFirst)!.id;

    const explained = await runCliCaptured(['readers', 'explain', GRACE, `arXiv:${graceFirstId}v1`], env);

    expect(explained.code, explained.stderr).toBe(0);
    const parts = Object.fromEntries(explained.stdout.trimEnd().split('\n').slice(1).map((line) => line.trim().split(/\s{2,}/) as [string, string]));
    expect(explained.stdout.split('\n')[0]).toBe(`${GRACE} and ${graceFirstId} (${graceFirst}), as ranked for their copy of ${NIGHT}:`);
    expect(parts['rank in their copy']).toBe('1 of 6');
    expect(parts['reason shown']).toMatch(/^like Graph neural networks for molecule graphs [12]$/);
    expect(parts['shared score']).toMatch(/^\d+(\.\d+)? \(.+\); above \d+ % of the day's candidates$/);
    expect(parts['model score']).toMatch(/^0\.\d+ \(tf-idf\); above \d+ % of the day's candidates$/);
    const [model, sharedWeight] = /^([\d.]+) the model, ([\d.]+) the shared ranking$/.exec(parts['blend weight']!)!.slice(1).map(Number);
    expect(model! + sharedWeight!).toBeCloseTo(1);
    expect(model).toBeGreaterThan(0.5);
    expect(parts['nearest liked paper']).toMatch(/^Graph neural networks for molecule graphs [12] \(similarity (0\.\d+|1)\)$/);
    expect(parts['rule that fired']).toBe('none');
    expect(parts['final score']).toMatch(/^0\.\d+$/);

    // Nova has no copy of her own: her model, without a vote, is no model at all.
    const nova = await runCliCaptured(['readers', 'explain', NOVA, graceFirstId], env);
    expect(nova.code).toBe(0);
    expect(nova.stdout).toMatch(/model score\s+none/);
    expect(nova.stdout).toMatch(/rank in their copy\s+not known: no copy of 2025-09-10 was recorded for them/);

    const unknownReader = await runCliCaptured(['readers', 'explain', 'nobody@example.org', graceFirstId], env);
    expect(unknownReader.code).toBe(1);
    expect(unknownReader.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknownReader.stderr).toContain('no reader nobody@example.org in ');
    const unknownPaper = await runCliCaptured(['readers', 'explain', GRACE, '2509.99999'], env);
    expect(unknownPaper.code).toBe(1);
    expect(unknownPaper.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknownPaper.stderr).toContain('no brief of 2509.99999 in ');
  });
});
