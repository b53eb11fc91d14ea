import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { makePdf, makeScannedLikePdf } from '../helpers/make-pdf.js';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices | undefined;
let speech: FakeSpeech | undefined;
afterEach(async () => {
  await speech?.close();
  await services?.close();
  speech = undefined;
  services = undefined;
});

async function startOneNight(papers: number) {
  const made = await makeNightlyPapers(papers);
  services = await startFakeServices(made);
  services.hf.setDay(NIGHT, made.map((paper) => paper.id));
  return services;
}

describe('counts in messages', () => {
  it('a night of one paper says "ranked 1 candidate", "Total: 1 paper", "with 1 paper" and "(1 paper)"', async () => {
    const { env, outputDir } = await startOneNight(1);

    const dryRun = await runCliCaptured(['nightly', '--date', NIGHT, '--dry-run'], env);
    const night = await runCliCaptured(['nightly', '--date', NIGHT], env);
    const digest = await runCliCaptured(['digest', '--date', NIGHT], env);

    expect(dryRun.stdout).toContain('Total: 1 paper, estimated $');
    expect(night.code).toBe(0);
    expect(night.stderr).toContain('ranked 1 candidate by upvotes; all go on');
    expect((await readLastRunReport(outputDir)).publish?.detail).toMatch(new RegExp(`^the edition of ${NIGHT} with 1 paper \\(web`));
    expect(digest.stderr).toContain('and the feeds (1 paper)');
  });

  it('doctor counts an interests file of one topic and one example as "1 topic" and "1 example paper"', async () => {
    const { env, outputDir } = await startOneNight(0);
    const interests = join(outputDir, '..', 'interests.txt');
    await writeFile(interests, 'grounded summaries of papers\n2509.08721\n');

    const result = await runCliCaptured(['doctor'], { ...env, SUMMARIZE_INTERESTS: interests });

    expect(result.stdout).toContain(`✓ interests file: ${interests}: 1 topic, 0 boosts, 0 excludes, 1 example paper\n`);
  });

  it('a scanned page is "1 page", and a model that never answered well gave up "after 1 attempt"', async () => {
    const { env, outputDir, openai } = await startOneNight(1);
    const scanned = join(outputDir, '..', 'scanned.pdf');
    await writeFile(scanned, await makeScannedLikePdf(1));
    openai.enqueue({ content: 'nope' });

    const text = await runCliCaptured(['text', scanned], {});
    const summarized = await runCliCaptured(['2509.10001'], { ...env, SUMMARIZE_MAX_ATTEMPTS: '1' });

    expect(text.stderr).toContain('0 letters on 1 page;');
    expect(summarized.code).toBe(1);
    expect(summarized.stderr).toContain('after 1 attempt;');
  });

  it('text --stats counts one removal of a kind in the singular: "1 arXiv stamp", "1 line-end split joined"', async () => {
    const { outputDir } = await startOneNight(0);
    const body = 'Summaries of papers are only as good as the text they read. We clean extracted text before a model sees it, and we measure what cleaning removes.';
    const pdf = join(outputDir, '..', 'stamped.pdf');
    await writeFile(pdf, await makePdf({ pages: [`arXiv:2509.08721v2 [cs.CL] 10 Sep 2025\nIntroduction\n${body}\nrepre-\nsentation matters\n${body}`, `Method\n${body}\n${body}`] }));

    const result = await runCliCaptured(['text', pdf, '--stats'], {});

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no reference list found, 1 arXiv stamp, 1 line-end split joined \|/);
  });

  it('podcast: "N of N chunks synthesized" says nothing of the cache when none came from it, and a rerun says all did', async () => {
    const { env: base } = await startOneNight(1);
    speech = await startFakeSpeech();
    const env = { ...base, SUMMARIZE_TTS_BASE_URL: speech.baseUrl };
    expect((await runCliCaptured(['nightly', '--date', NIGHT], env)).code).toBe(0);

    const first = await runCliCaptured(['podcast', '--date', NIGHT], env);
    const again = await runCliCaptured(['podcast', '--date', NIGHT], env);

    expect(first.code).toBe(0);
    const chunks = speech.requests.length;
    expect(chunks).toBeGreaterThan(1);
    expect(first.stderr).toMatch(new RegExp(`speech \\(gpt-4o-mini-tts\\): ${chunks} of ${chunks} chunks synthesized(;|\n)`));
    expect(again.code).toBe(0);
    expect(speech.requests).toHaveLength(chunks);
    expect(again.stderr).toMatch(new RegExp(`speech \\(gpt-4o-mini-tts\\): 0 of ${chunks} chunks synthesized, all from the cache(;|\n)`));
  });
});
