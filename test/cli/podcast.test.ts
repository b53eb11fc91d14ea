import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { hasFfprobe, probeAudio } from '../helpers/probe-audio.js';
import { askedSchemaName, groundedBriefResponder, respondAsAsked } from '../helpers/brief-responder.js';
import { LOCALIZED_SENTENCES, makeLocalizedBriefContent } from '../helpers/localized-brief.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const PUBLIC_URL = 'https://brief.example.org/papers';
// How it is configured: the host's login never reaches the feed.
const CONFIGURED_PUBLIC_URL = 'https://publisher:s3cret-pw@brief.example.org/papers';
let services: FakeServices;
let speech: FakeSpeech;

afterEach(async () => {
  await speech?.close();
  await services?.close();
});

async function start(papers = 3) {
  const made = await makeNightlyPapers(papers);
  services = await startFakeServices(made);
  services.hf.setDay(NIGHT, made.map((paper) => paper.id));
  speech = await startFakeSpeech();
  return { ...services.env, SUMMARIZE_TTS_BASE_URL: speech.baseUrl, SUMMARIZE_PUBLIC_URL: CONFIGURED_PUBLIC_URL, SUMMARIZE_PODCAST_HOSTS: 'Ada,Bo' };
}

const segmentRequests = () => services.openai.requests.filter((request) => askedSchemaName(request.body) === 'podcast_segment');

describe.skipIf(!hasFfprobe)('the podcast', () => {
  it('nightly --podcast: an episode with a chapter per paper, a feed podcast apps read, players on the pages, the step in the report', async () => {
    const env = await start();
    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--podcast'], env);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);

    const mp3 = join(services.outputDir, 'audio', `${NIGHT}.mp3`);
    const probed = probeAudio(mp3);
    expect(probed.chapters.map((chapter) => chapter.title)).toEqual(['Welcome', 'Nightly Paper 1', 'Nightly Paper 2', 'Nightly Paper 3', 'Goodbye']);
    expect(probed).toMatchObject({ codec: 'mp3', sampleRate: 24_000, channels: 1 });
    // Two hosts, each with a voice; every request under the endpoint's limit.
    expect(new Set(speech.requests.map((request) => request.voice))).toEqual(new Set(['alloy', 'onyx']));
    expect(speech.requests.every((request) => request.input.length <= 4096 && !/https?:|<|\*/.test(request.input))).toBe(true);
    expect(segmentRequests()).toHaveLength(3);
    expect(await readFile(join(services.outputDir, 'audio', `${NIGHT}.txt`), 'utf8')).toContain('Bo: ');

    const feed = await new Parser({ customFields: { feed: ['itunes:image'] as never, item: ['itunes:duration'] as never } }).parseString(await readFile(join(services.outputDir, 'podcast.xml'), 'utf8'));
    expect(feed.itunes).toMatchObject({ author: 'arXiv Brief', explicit: 'false', categories: ['Science'], image: `${PUBLIC_URL}/audio/cover.png` });
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.enclosure).toEqual({ url: `${PUBLIC_URL}/audio/${NIGHT}.mp3`, length: String((await stat(mp3)).size), type: 'audio/mpeg' });
    expect(item!.guid).toBe(`arxiv-brief-episode-${NIGHT}`);
    expect(item!.itunes?.duration).toMatch(/^00:\d\d:\d\d$/);
    expect(await readFile(join(services.outputDir, 'podcast.xml'), 'utf8')).not.toContain('s3cret-pw');
    const cover = await readFile(join(services.outputDir, 'audio', 'cover.png'));
    expect([cover.readUInt32BE(16), cover.readUInt32BE(20)]).toEqual([1400, 1400]);

    const edition = await readFile(join(services.outputDir, 'digests', `${NIGHT}.html`), 'utf8');
    expect(edition).toContain(`<audio controls preload="none" src="../audio/${NIGHT}.mp3">`);
    expect(edition).toContain('data-start="0.0">Welcome</button>');
    const paperPage = await readFile(join(services.outputDir, 'papers', '2509.10002v1.html'), 'utf8');
    expect(paperPage).toMatch(new RegExp(`src="../audio/${NIGHT}.mp3#t=\\d+\\.\\d,\\d+\\.\\d"`));
    const email = await readFile(join(services.outputDir, 'digests', `${NIGHT}.email.html`), 'utf8');
    expect(email).toContain(`${PUBLIC_URL}/audio/${NIGHT}.mp3`);

    const report = await readLastRunReport(services.outputDir);
    expect(report.podcast).toMatchObject({ ok: true, paths: [`audio/${NIGHT}.mp3`, `audio/${NIGHT}.txt`, join(services.outputDir, 'podcast.xml')] });
    expect(report.podcast?.costUsd).toBeGreaterThan(0);
    expect(report.outcome).toBe('done');
  });

  it('a chunk failing after retries fails the episode with no file; the rerun pays only the missing chunks and segments', async () => {
    const env = await start(2);
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    const failing = { status: 500, retryAfter: '0' };
    speech.enqueue({ format: 'wav' }, failing, failing, failing, failing, failing);

    const failed = await runCliCaptured(['podcast', '--date', NIGHT], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/500/);
    await expect(stat(join(services.outputDir, 'audio', `${NIGHT}.mp3`))).rejects.toThrow();
    const spoken = speech.requests.length;
    const segments = segmentRequests().length;

    const rerun = await runCliCaptured(['podcast', '--date', NIGHT], env);
    expect(rerun.code).toBe(0);
    const chunksAfterRetry = speech.requests.slice(spoken);
    // The first chunk was paid for before the failure: it is not asked for again.
    expect(chunksAfterRetry.map((request) => request.input)).not.toContain(speech.requests[0]!.input);
    expect(segmentRequests().length).toBe(segments);
    expect((await stat(join(services.outputDir, 'audio', `${NIGHT}.mp3`))).size).toBeGreaterThan(0);

    // A remade episode with nothing new costs nothing.
    const again = await runCliCaptured(['podcast', '--date', NIGHT], env);
    expect(again.code).toBe(0);
    expect(speech.requests.length).toBe(spoken + chunksAfterRetry.length);
    expect(again.stderr).toMatch(/cost \$0\.0000/);
  });

  it('two episodes on two days keep both feed items; --dry-run estimates and makes nothing', async () => {
    const env = await start(2);
    expect((await runCliCaptured(['nightly', '--date', NIGHT, '--podcast'], env)).code).toBe(0);
    services.hf.setDay('2025-09-11', ['2509.10001']);
    // The paper was in the first edition: --repeat shows it in full again, so the second day has an edition to speak.
    const dry = await runCliCaptured(['nightly', '--date', '2025-09-11', '--repeat'], env);
    expect(dry.code).toBe(0);
    const estimate = await runCliCaptured(['podcast', '--date', '2025-09-11', '--dry-run'], env);
    expect(estimate.code).toBe(0);
    expect(estimate.stdout).toMatch(/2509\.10001 {2}stored segment, no call/);
    expect(estimate.stdout).toMatch(/speech \(gpt-4o-mini-tts\): ~\d+ characters, ~\$0\.\d{4}/);
    await expect(stat(join(services.outputDir, 'audio', '2025-09-11.mp3'))).rejects.toThrow();

    expect((await runCliCaptured(['podcast', '--date', '2025-09-11'], env)).code).toBe(0);
    const feed = await new Parser().parseString(await readFile(join(services.outputDir, 'podcast.xml'), 'utf8'));
    expect(feed.items.map((item) => item.guid)).toEqual(['arxiv-brief-episode-2025-09-11', `arxiv-brief-episode-${NIGHT}`]);
  });

  it('without a public URL: the episode and players, no feed, one warning saying why', async () => {
    const { SUMMARIZE_PUBLIC_URL: _unused, ...env } = await start(1);
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    const result = await runCliCaptured(['podcast', '--date', NIGHT], env);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/warning: no podcast\.xml: .*SUMMARIZE_PUBLIC_URL/g)).toHaveLength(1);
    await expect(stat(join(services.outputDir, 'podcast.xml'))).rejects.toThrow();
    expect(await readFile(join(services.outputDir, 'digests', `${NIGHT}.html`), 'utf8')).toContain('<audio controls');
  });

  it('speaks with eSpeak NG when no speech endpoint is configured; without it installed, one line naming the package and nothing paid', async () => {
    const { SUMMARIZE_TTS_BASE_URL: _unused, ...env } = await start(1);
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    const calls = services.openai.requests.length;

    // A real process whose PATH has no espeak-ng, as on a machine without the package.
    const missing = spawnSync(process.execPath, [BIN, 'podcast', '--date', NIGHT], { cwd: PROJECT_ROOT, env: { ...env, PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(missing.stderr).toMatch(/espeak-ng not found: install eSpeak NG \(Debian\/Ubuntu: apt-get install espeak-ng\)/);
    expect(services.openai.requests.length).toBe(calls);

    const spoken = await runCliCaptured(['podcast', '--date', NIGHT], env);
    expect(spoken.code).toBe(0);
    expect(speech.requests).toHaveLength(0);
    const probed = probeAudio(join(services.outputDir, 'audio', `${NIGHT}.mp3`));
    expect(probed.durationSeconds).toBeGreaterThan(60);
    expect(JSON.parse(await readFile(join(services.outputDir, 'audio', `${NIGHT}.json`), 'utf8'))).toMatchObject({ engine: 'espeak-ng', cost: { speechUsd: 0 } });
    // Real speech of a whole segment: seconds on an idle machine, more on a busy one.
  });

  it('--style podcast: a rerun that adds the style pays for it alone, from the cached text; stored, it costs nothing again', async () => {
    const env = await start(2);
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    const pdfRequests = () => services.arxiv.requests.filter((request) => request.path.startsWith('/pdf/')).length;
    const [pdfsBefore, callsBefore] = [pdfRequests(), services.openai.requests.length];

    const styled = await runCliCaptured(['nightly', '--date', NIGHT, '--style', 'podcast'], env);
    expect(styled.code).toBe(0);
    expect(pdfRequests()).toBe(pdfsBefore);
    expect(services.openai.requests.length - callsBefore).toBe(2);
    expect(segmentRequests()).toHaveLength(2);
    expect(await readLastRunReport(services.outputDir)).toMatchObject({ styles: { ok: true, detail: 'podcast: 2 written' }, outcome: 'done' });
    expect(await readFile(join(services.outputDir, 'papers', '2509.10001v1.podcast.md'), 'utf8')).toMatch(/^\*\*Ada:\*\* Hello and welcome/m);
    expect(await readFile(join(services.outputDir, 'papers', '2509.10001v1.html'), 'utf8')).toContain('<summary>Podcast script (40 turns, gpt-5-mini)</summary>');

    const one = await runCliCaptured(['2509.10002', '--style', 'podcast'], env);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('# Nightly Paper 2: podcast segment');
    expect(services.openai.requests.length - callsBefore).toBe(2);
  });

  it('an unknown style is a usage error naming the styles', async () => {
    const env = await start(0);
    const result = await runCliCaptured(['2509.10001', '--style', 'poem'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--style: unknown style "poem"; the styles are brief, blurb, commentary, podcast');
    expect(services.arxiv.requests).toHaveLength(0);
  });

  it('no edition for the day: one line naming the command that makes it; no date: a usage error', async () => {
    const env = await start(0);
    const missing = await runCliCaptured(['podcast', '--date', '2025-09-01'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no edition for 2025-09-01 .*summarize nightly --date 2025-09-01/);
    const usage = await runCliCaptured(['podcast'], env);
    expect(usage.code).toBe(2);
  });

  it('--language zh: the segments, the intro and the outro are spoken in Chinese, stored beside the English ones', async () => {
    const env = await start(1);
    services.openai.setResponder((body) => {
      const schema = askedSchemaName(body);
      if (schema === 'paper_brief') return respondAsAsked(body, makeLocalizedBriefContent('zh'));
      // 28 turns of a 25-word sentence: 700 words, both hosts.
      if (schema === 'podcast_segment') return respondAsAsked(body, { turns: Array.from({ length: 28 }, (_, index) => ({ speaker: index % 2 === 0 ? 'Ada' : 'Bo', text: LOCALIZED_SENTENCES.zh })) });
      return groundedBriefResponder(body);
    });

    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--podcast', '--language', 'zh'], env);

    expect(result.stderr).not.toMatch(/error|warning/i);
    expect(result.code).toBe(0);
    const stored = JSON.parse(await readFile(join(services.outputDir, 'papers', '2509.10001v1.podcast.zh.json'), 'utf8'));
    expect(stored).toMatchObject({ language: 'zh', checks: { warnings: [] } });
    expect(segmentRequests()[0]!.body.messages.at(-1).content).toContain('Write every text of your answer in Chinese (zh)');
    const transcript = await readFile(join(services.outputDir, 'audio', `${NIGHT}.txt`), 'utf8');
    // Chinese punctuation around the spoken text too: no ASCII comma or colon.
    expect(transcript).toContain('Ada：大家好，欢迎收听arXiv Brief，今天是2025年9月10日星期三。 和我一起的是Bo。 今天我们介绍1篇论文。 首先，Nightly Paper 1。');
    expect(transcript).toContain('arXiv Brief、2025-09-10');
    expect(transcript).toContain('感谢收听。');
    expect(transcript).not.toMatch(/Hello and welcome|Thank you for listening/);
  });
});
