import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/brief/brief-schema.js';
import type { EditionRecord } from '../../src/edition/edition-record.js';
import { writeBrief } from '../../src/output/brief-store.js';
import { buildDigestIndex } from '../../src/output/digest-store.js';
import { hasChromium, launchChromium } from '../helpers/launch-chromium.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';
import { serveFolder } from '../helpers/serve-folder.js';
import { writeSyntheticArchive } from '../helpers/synthetic-archive.js';

// The built CLI, as users run it: `npm test` builds it first (pretest).
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'bin/summarize.js');
const CRASH_AT_RENAME = join(PROJECT_ROOT, 'test/helpers/crash-at-rename.cjs');
const PUBLISHED = '2025-01-20';
const NEXT = '2025-01-21';

describe.skipIf(!hasChromium)('the search after a publish killed while putting its files in place', () => {
  let browser: Browser;
  let template: string;

  beforeAll(async () => {
    if (!existsSync(join(PROJECT_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
    template = await mkdtemp(join(tmpdir(), 'search-crash-'));
    // About 550 papers, published by the CLI; then the next night's 20 papers stored, with words of their own, for `summarize digest` to publish.
    await writeSyntheticArchive(template, { from: '2024-08-01', days: 110, papersPerDay: 5 });
    await storeDay(template, PUBLISHED, [makeSampleBrief({ paper: { id: '2501.07777', version: 1, title: 'Quokka Burrows as Natural Experiments in Soil Carbon' } })]);
    const published = await runDigest(template, PUBLISHED);
    expect(published.code, published.stderr).toBe(0);
    await storeDay(template, NEXT, await makeBriefsWithNewWords(20));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (template !== undefined) await rm(template, { recursive: true, force: true });
  });

  // `summarize digest --date NEXT` in a copy of the archive, killed instead of its n-th rename under assets/search ('never': let finish).
  async function publishKilledAt(rename: number | 'never'): Promise<{ outputDir: string; renames: number }> {
    const outputDir = await mkdtemp(join(tmpdir(), 'search-crash-run-'));
    await cp(template, outputDir, { recursive: true });
    const countFile = join(outputDir, 'renames.txt');
    const exit = await runDigest(outputDir, NEXT, { CRASH_AT_RENAME: String(rename), CRASH_RENAMES_UNDER: join(outputDir, 'assets', 'search'), CRASH_RENAMES_COUNT_FILE: countFile });
    expect({ code: exit.code, signal: exit.signal }, exit.stderr).toEqual(rename === 'never' ? { code: 0, signal: null } : { code: null, signal: 'SIGKILL' });
    return { outputDir, renames: rename === 'never' ? Number(await readFile(countFile, 'utf8')) : rename };
  }

  // What a reader would do: search each paper's title on the index page and look for its link among the results.
  async function findUnfindable(outputDir: string, papers: Array<{ stem: string; title: string }>): Promise<string[]> {
    const server = await serveFolder(outputDir);
    const page = await browser.newPage();
    try {
      await page.goto(new URL('index.html', server.url).href, { waitUntil: 'load' });
      return await page.evaluate(
        `(async (papers) => {
          const form = document.getElementById('search-form');
          const input = document.getElementById('search-input');
          const status = document.getElementById('search-status');
          const settled = () => status.textContent !== '' && !/^Searching/.test(status.textContent);
          const missing = [];
          for (const paper of papers) {
            input.value = paper.title;
            form.requestSubmit();
            if (!settled()) await new Promise((resolve) => { const observer = new MutationObserver(() => { if (settled()) { observer.disconnect(); resolve(); } }); observer.observe(status, { childList: true, characterData: true, subtree: true }); });
            const links = [...document.querySelectorAll('#search-results a')].map((link) => link.getAttribute('href'));
            if (!links.includes('papers/' + paper.stem + '.html')) missing.push(paper.stem + ' (' + status.textContent + ')');
          }
          return missing;
        })(${JSON.stringify(papers)})`,
      );
    } finally {
      await page.close();
      await server.close();
    }
  }

  it('finds every paper, whichever step of putting the search data in place the kill lands on', async () => {
    const papers: Array<{ stem: string; title: string }> = [];
    for (const name of await readdir(join(template, 'archive', 'editions'))) {
      const record = JSON.parse(await readFile(join(template, 'archive', 'editions', name), 'utf8')) as EditionRecord;
      papers.push(...record.papers.map(({ stem, title }) => ({ stem, title })));
    }
    expect(papers.length).toBeGreaterThan(550);
    // A publish let finish counts its renames; then one killed at each, the last (the most replaced) first.
    const finished = await publishKilledAt('never');
    await rm(finished.outputDir, { recursive: true, force: true });
    expect(finished.renames).toBeGreaterThan(0);
    for (let rename = finished.renames; rename >= 1; rename -= 1) {
      const { outputDir } = await publishKilledAt(rename);
      try {
        expect(await findUnfindable(outputDir, papers), `killed instead of rename ${rename} of ${finished.renames}`).toEqual([]);
      } finally {
        await rm(outputDir, { recursive: true, force: true });
      }
    }
  }, 600_000);

  it('after a publish killed before its parts were in place, the next publish finds the new papers too and leaves no debris', async () => {
    const { outputDir } = await publishKilledAt(1);
    try {
      const rerun = await runDigest(outputDir, NEXT);
      expect(rerun.code, rerun.stderr).toBe(0);
      const newPapers = (JSON.parse(await readFile(join(outputDir, 'archive', 'editions', `${NEXT}.json`), 'utf8')) as EditionRecord).papers.map(({ stem, title }) => ({ stem, title }));
      expect(newPapers).toHaveLength(20);
      expect(await findUnfindable(outputDir, newPapers)).toEqual([]);
      // The manifest, this publish's parts and the previous publish's (for pages opened before it): nothing else.
      const entries = await readdir(join(outputDir, 'assets', 'search'));
      expect(entries).toContain('manifest.js');
      expect(entries.filter((name) => name !== 'manifest.js')).toEqual([expect.stringMatching(/^[0-9a-f]{12}$/), expect.stringMatching(/^[0-9a-f]{12}$/)]);
    } finally {
      await rm(outputDir, { recursive: true, force: true });
    }
  });
});

// --- internal ---

// The briefs and the digest index of a night's edition, as a nightly run leaves them before publishing.
async function storeDay(outputDir: string, date: string, briefs: readonly Brief[]): Promise<void> {
  for (const brief of briefs) await writeBrief(outputDir, brief);
  await writeFile(join(outputDir, 'digests', `${date}.json`), JSON.stringify(buildDigestIndex({ date, papers: briefs.map((brief) => ({ brief })) })));
}

// `summarize digest --date D` as a child process; with `crash` (crash-at-rename.cjs's settings), killed at a rename.
async function runDigest(outputDir: string, date: string, crash?: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [...(crash === undefined ? [] : ['--require', CRASH_AT_RENAME]), BIN, 'digest', '--date', date], {
    env: { PATH: process.env.PATH, HOME: outputDir, SUMMARIZE_OUTPUT_DIR: outputDir, ...crash },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stderr })));
}

// Papers of another synthetic archive (another seed): a night that brings words the archive has not seen.
async function makeBriefsWithNewWords(count: number): Promise<Brief[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'search-crash-words-'));
  try {
    await writeSyntheticArchive(scratch, { from: NEXT, days: 1, papersPerDay: count, seed: 2 });
    const record = JSON.parse(await readFile(join(scratch, 'archive', 'editions', `${NEXT}.json`), 'utf8')) as EditionRecord;
    return record.papers.map((paper, index) =>
      makeSampleBrief({
        paper: { id: `2501.${String(20_000 + index)}`, version: 1, title: paper.title, authors: paper.authors },
        summary: paper.summary,
        critique: { strengths: [paper.critique], limitations: [paper.critique], implications: paper.critique },
      }),
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
