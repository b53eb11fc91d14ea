import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { groundedBriefResponder } from '../helpers/brief-responder.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { hasFfprobe } from '../helpers/probe-audio.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The CLI as installed, in a process of its own: what cron sees on stderr, warnings included (built by `npm test`'s pretest).
const BIN = fileURLToPath(new URL('../../bin/summarize.js', import.meta.url));
const HTML_PAGE = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1></body></html>';
const STACK_LINE = /\n\s+at /;
let services: FakeServices;
let speech: FakeSpeech;

afterEach(async () => {
  await speech?.close();
  await services?.close();
});

async function start(papers = 1) {
  const made = await makeNightlyPapers(papers);
  services = await startFakeServices(made);
  services.hf.setDay(NIGHT, made.map((paper) => paper.id));
  speech = await startFakeSpeech();
  return { ...services.env, SUMMARIZE_TTS_BASE_URL: speech.baseUrl, SUMMARIZE_PODCAST_HOSTS: 'Ada,Bo' };
}

function runProcess(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const speechServer = () => `the speech server ${speech.baseUrl.replace(/\./g, '\\.')}`;

describe.skipIf(!hasFfprobe)('the podcast when something goes wrong', () => {
  it('the speech server answering an HTML page at 200: one line naming it and what it sent, exit 1; the report keeps what was paid', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    speech.enqueue({ format: 'wav' }, { body: HTML_PAGE, contentType: 'text/html' });

    const result = await runCliCaptured(['podcast', '--date', NIGHT], env);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nsummarize: speech failed at chunk 2 of \\d+: ${speechServer()} sent an HTML page \\("Sign in Sign in to continue"\\) instead of audio; check SUMMARIZE_TTS_BASE_URL`));
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toMatch(/internal error|LLM server/);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ command: 'podcast', date: NIGHT, status: 'failed', outcome: 'failed', podcast: { ok: false } });
    expect(report.failure).toMatch(/^speech failed at chunk 2/);
    // The segment's call and the first chunk were paid before the failure; the error page was not (gpt-4o-mini-tts: 15 USD per million characters).
    const segment = JSON.parse(await readFile(join(services.outputDir, 'papers', '2509.10001v1.podcast.json'), 'utf8'));
    expect(report.podcast?.costUsd).toBeCloseTo(segment.generation.costUsd + (15 * speech.requests[0]!.input.length) / 1e6, 8);
    expect(report.totals.costUsd).toBeCloseTo(report.podcast!.costUsd!, 6);
  });

  it('a speech server failing with 500 is a speech failure, named as such, not the LLM server\'s', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    const failing = { status: 500, retryAfter: '0' };
    speech.enqueue(failing, failing, failing, failing, failing);

    const result = await runCliCaptured(['podcast', '--date', NIGHT], env);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nsummarize: speech failed at chunk 1 of \\d+: ${speechServer()} answered 500: speech failed with 500 \\(gave up after 5 requests\\)\\n`));
    expect(result.stderr).not.toMatch(/LLM/);
  });

  it('MP3 while ffmpeg is missing: one line saying so, exit 1; once ffmpeg is there, the paid chunk is decoded, not bought again', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    speech.enqueue({ format: 'mp3' });

    // A real process whose PATH has no ffmpeg, as on a machine without the package.
    const missing = await runProcess(['podcast', '--date', NIGHT], { ...env, PATH: '/nonexistent' });

    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(new RegExp(`\\nsummarize: speech failed at chunk 1 of \\d+: ${speechServer()} sent MP3 audio, which needs ffmpeg to decode, and ffmpeg is not installed \\(kept at .*\\); install ffmpeg`));
    expect(missing.stderr).not.toMatch(STACK_LINE);
    const firstChunk = speech.requests[0]!.input;

    const rerun = await runCliCaptured(['podcast', '--date', NIGHT], env);
    expect(rerun.code).toBe(0);
    expect(speech.requests.filter((request) => request.input === firstChunk)).toHaveLength(1);
  });

  it('nightly --podcast failing after paid chunks: their cost is in the podcast step and in the run\'s total', async () => {
    const env = await start(2);
    const failing = { status: 500, retryAfter: '0' };
    speech.enqueue({ format: 'wav' }, { format: 'wav' }, failing, failing, failing, failing, failing);

    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--podcast'], env);

    expect(result.code).toBe(3);
    const report = await readLastRunReport(services.outputDir);
    expect(report.podcast).toMatchObject({ ok: false });
    expect(report.podcast?.detail).toMatch(/^speech failed at chunk 3/);
    const papersUsd = report.papers.reduce((sum, paper) => sum + (paper.costUsd ?? 0), 0);
    // Two segments and two chunks of speech (gpt-4o-mini-tts, 15 USD per million characters) were paid.
    const chunksUsd = (15 * (speech.requests[0]!.input.length + speech.requests[1]!.input.length)) / 1e6;
    expect(report.podcast?.costUsd).toBeGreaterThan(chunksUsd);
    expect(report.totals.costUsd).toBeCloseTo(papersUsd + report.podcast!.costUsd!, 5);
  });

  it('summarize podcast writes a run report like the other commands: the step, its cost in the total, the outcome cron sees', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);

    const result = await runCliCaptured(['podcast', '--date', NIGHT], env);

    expect(result.code).toBe(0);
    const report = await readLastRunReport(services.outputDir);
    expect(report).toMatchObject({ command: 'podcast', date: NIGHT, status: 'completed', outcome: 'done', source: { kind: 'edition' }, podcast: { ok: true, paths: [`audio/${NIGHT}.mp3`, `audio/${NIGHT}.txt`] } });
    expect(report.podcast?.costUsd).toBeGreaterThan(0);
    expect(report.totals.costUsd).toBeCloseTo(report.podcast!.costUsd!, 6);
    expect(result.stderr).toMatch(/; report .*runs\/.*\.json\n/);
  });

  it('no paper with a segment: one line saying why, exit 1, nothing spoken', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    // The briefs are written: what is asked now is the segment, and the model refuses it.
    services.openai.setResponder(() => ({ status: 400, body: { error: { message: 'Invalid schema for response_format' } } }));

    const result = await runCliCaptured(['podcast', '--date', NIGHT], env);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\nsummarize: no paper of 2025-09-10 has a podcast segment, so there is no episode: 2509\.10001: .*400.*Invalid schema for response_format/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(speech.requests).toHaveLength(0);
  });

  it('names the speech engine it chose and why, in a dry run too', async () => {
    const env = await start();
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    const chosen = new RegExp(`\\bspeech: ${speechServer()} \\(gpt-4o-mini-tts\\): SUMMARIZE_TTS_BASE_URL is set\\n`);
    expect((await runCliCaptured(['podcast', '--date', NIGHT, '--dry-run'], env)).stderr).toMatch(chosen);
    expect((await runCliCaptured(['podcast', '--date', NIGHT], env)).stderr).toMatch(chosen);
  });

  it('nightly --podcast prints no MaxListenersExceededWarning, however many requests the segments take', async () => {
    const env = await start(5);
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);
    // The briefs are stored: what is asked now is the segments, and every request fails twice before it is answered,
    // so each segment takes three requests, fifteen in all.
    let requests = 0;
    services.openai.setResponder((body) => (++requests % 3 === 0 ? groundedBriefResponder(body) : { status: 500, headers: { 'retry-after': '0' } }));

    const result = await runProcess(['nightly', '--date', NIGHT, '--podcast'], env);

    expect(result.stderr).not.toMatch(/MaxListenersExceededWarning|memory leak/);
    expect(result.code, result.stderr).toBe(0);
  }, 120_000);
});
