import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNightlyPapers, NIGHT, readLastRunReport } from '../helpers/nightly-papers.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

let services: FakeServices;

afterEach(async () => {
  await services?.close();
});

const nightly = (env: NodeJS.ProcessEnv = {}) => runCliCaptured(['nightly', '--date', NIGHT], { ...services.env, ...env });

// Every published file with the time it was written; run reports aside (each run writes its own).
async function listPublishedFiles(outputDir: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for (const entry of await readdir(outputDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !path.startsWith(join(outputDir, 'runs'))) files.set(path.slice(outputDir.length + 1), (await stat(path)).mtimeMs);
  }
  return files;
}

describe('summarize nightly, run again', () => {
  it('rewrites nothing when nothing is new, and publishes the day again when a page is missing or a setting changed', async () => {
    const papers = await makeNightlyPapers(3);
    services = await startFakeServices(papers);
    services.hf.setDay(NIGHT, papers.map((paper) => paper.id));
    expect((await nightly()).code).toBe(0);
    const published = await listPublishedFiles(services.outputDir);

    const again = await nightly();
    expect(again.code).toBe(0);
    expect(await listPublishedFiles(services.outputDir)).toEqual(published);
    // The run says there was nothing to do: every paper skipped, the edition as published.
    expect(again.stderr).toContain('0 summarized, 3 skipped, 0 failed');
    expect(again.stderr).toContain(`the edition of ${NIGHT} with 3 papers is as published; nothing rewritten`);
    const report = await readLastRunReport(services.outputDir);
    expect(report.publish).toMatchObject({ ok: true, detail: expect.stringContaining('nothing rewritten') });
    expect(report.digest).toEqual({ path: join(services.outputDir, 'digests', `${NIGHT}.md`), papers: 3 });

    // A page someone removed is written again, with the rest of the day.
    const page = join(services.outputDir, 'papers', `${papers[0]!.id}v1.html`);
    await rm(page);
    expect((await nightly()).code).toBe(0);
    expect((await stat(page)).isFile()).toBe(true);

    // A setting the pages are built from: the feeds link the public address once it is set.
    expect((await nightly({ SUMMARIZE_PUBLIC_URL: 'https://briefs.example.org/' })).code).toBe(0);
    expect(await readFile(join(services.outputDir, 'feed.xml'), 'utf8')).toContain('https://briefs.example.org/');
  });
});
