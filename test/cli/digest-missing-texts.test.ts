import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLocalizedBriefContent } from '../helpers/localized-brief.js';
import { makeNightlyPapers, NIGHT } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;
const run = (argv: string[]) => runCliCaptured(argv, services.env);
const readDigest = () => readFile(join(services.outputDir, 'digests', `${NIGHT}.md`), 'utf8');

beforeEach(async () => {
  const papers = await makeNightlyPapers(2);
  services = await startFakeServices(papers);
  services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
});
afterEach(async () => {
  await services.close();
});

describe('summarize digest, asked for texts the day does not have', () => {
  it('--style blurb warns and names the papers shown as briefs instead, and the command it names writes their blurbs', async () => {
    expect((await run(['nightly', '--date', NIGHT])).code).toBe(0);
    expect((await run(['2509.10001', '--style', 'blurb'])).code).toBe(0);

    const partly = await run(['digest', '--date', NIGHT, '--style', 'blurb']);

    expect(partly.code).toBe(0);
    expect(partly.stderr).toContain('warning: no stored blurb for 2509.10002v1, so the edition shows its brief; `summarize 2509.10002v1 --style blurb` writes it\n');
    expect(partly.stderr).not.toMatch(/warning: .*2509\.10001v1/);
    expect((await readDigest()).match(/Topic and Domain/g)).toHaveLength(1);

    expect((await run(['2509.10002v1', '--style', 'blurb'])).code).toBe(0);
    const whole = await run(['digest', '--date', NIGHT, '--style', 'blurb']);

    expect(whole.code).toBe(0);
    expect(whole.stderr).not.toContain('warning:');
    expect(await readDigest()).not.toContain('Topic and Domain');
  });

  it('--language en where only German briefs exist says which command writes the English ones', async () => {
    services.openai.enqueue({ content: makeLocalizedBriefContent('de') }, { content: makeLocalizedBriefContent('de') });
    expect((await run(['nightly', '--date', NIGHT, '--language', 'de'])).code).toBe(0);

    const result = await run(['digest', '--date', NIGHT, '--language', 'en']);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `summarize: the edition of ${NIGHT} has no English (en) briefs for 2509.10001v1, 2509.10002v1: \`summarize 2509.10001v1 2509.10002v1 --language en\` writes them, then run this again\n`,
    );

    expect((await run(['2509.10001v1', '2509.10002v1', '--language', 'en'])).code).toBe(0);
    const again = await run(['digest', '--date', NIGHT, '--language', 'en']);

    expect(again.code).toBe(0);
    expect(await readDigest()).toContain('Topic and Domain');
  });
});
