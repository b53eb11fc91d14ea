import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { makePdf } from '../helpers/make-pdf.js';
import { makeNightlyPapers, NIGHT } from '../helpers/nightly-papers.js';
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
  it('nightly with one candidate says "ranked 1 candidate"', async () => {
    const { env } = await startOneNight(1);

    const result = await runCliCaptured(['nightly', '--date', NIGHT], env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('ranked 1 candidate by upvotes; all go on');
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
