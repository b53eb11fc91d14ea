import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition } from '../../src/archive/publish-edition.js';
import { writeBrief } from '../../src/output/brief-store.js';
import { serveFolder } from '../helpers/serve-folder.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`browser tests skipped: no ${CHROMIUM_PATH}; install it with: apt-get install chromium`);

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
// "isotonic" appears only in the methods point of the nowcasting paper: not in any title, author or critique.
const SUMMARY_ONLY_WORD = 'isotonic';
const NOWCASTING_TITLE = 'Calibrated Uncertainty for Weather Nowcasting with Diffusion Ensembles';
// Searches whose result links are checked like the pages' own links.
const SEARCHES = ['index.html?q=experts', 'index.html?q=onerror'];
const PAGES = ['index.html', 'digests/2025-01-20.html', 'digests/2025-01-21.html', 'papers/2501.01234v2.html', 'papers/2501.05678v1.html', 'papers/2501.09999v2.html'];

interface OpenedPage {
  page: Page;
  problems: string[];
  dialogs: string[];
}

describe.skipIf(!hasChromium)('the archive in Chromium', () => {
  let browser: Browser;
  let outputDir: string;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  // Every page (and two searches) loaded once, on a 375 px phone in dark mode; the checks below only read them.
  const phonePages = new Map<string, OpenedPage>();

  beforeAll(async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'archive-browser-'));
    const [retrieval, nowcasting, entanglement] = makeSampleBriefs();
    const hostile = makeSampleBrief({ paper: { id: '2501.09999', title: HOSTILE_TITLE } });
    for (const brief of [retrieval!, nowcasting!, entanglement!, hostile]) await writeBrief(outputDir, brief);
    const warn = (message: string) => {
      throw new Error(`unexpected warning: ${message}`);
    };
    await publishEdition(outputDir, { date: '2025-01-20', papers: [{ brief: nowcasting! }, { brief: entanglement! }] }, { warn });
    await publishEdition(outputDir, { date: '2025-01-21', papers: [{ brief: retrieval!, reason: 'matches: retrieval' }, { brief: hostile }] }, { warn });
    server = await serveFolder(outputDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const phone: BrowserContextOptions = { viewport: { width: 375, height: 800 }, colorScheme: 'dark' };
    await Promise.all(
      [...PAGES, ...SEARCHES].map(async (path) => {
        const opened = await open(`${fileUrl('')}/${path}`, phone);
        if (path.includes('?q=')) await opened.page.locator('#search-results a').first().waitFor();
        phonePages.set(path, opened);
      }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outputDir !== undefined) await rm(outputDir, { recursive: true, force: true });
  });

  async function open(url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
    const page = await browser.newPage({ viewport: { width: 760, height: 900 }, ...options });
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems, dialogs };
  }

  const fileUrl = (path: string) => pathToFileURL(join(outputDir, path)).href;

  for (const [label, base] of [
    ['opened from disk (file://)', () => `${fileUrl('')}/`],
    ['served over http', () => server.url],
  ] as const) {
    it.concurrent(`finds a paper by a word only in its summary, and opens its page without errors, ${label}`, async () => {
      const { page, problems, dialogs } = await open(new URL('index.html', base()).href);
      await page.locator('#search-input').fill(SUMMARY_ONLY_WORD);
      const results = page.locator('#search-results a');
      await results.first().waitFor();
      expect(await results.allInnerTexts()).toEqual([NOWCASTING_TITLE]);
      expect(await page.locator('#search-status').innerText()).toBe('1 brief');

      await results.first().click();
      await page.waitForURL(/papers\/2501\.05678v1\.html$/);
      expect(await page.locator('h1').innerText()).toBe(NOWCASTING_TITLE);
      expect(await page.evaluate<boolean[]>('[...document.images].map((image) => image.complete && image.naturalWidth > 0)')).toEqual([true]);
      const answer = page.locator('details.answer').first();
      expect(await answer.locator('summary').innerText()).toBe('Show answer');
      await answer.getByText('Show answer').click();
      expect(await answer.locator('p').isVisible()).toBe(true);
      // Open, the summary says what it does next.
      expect(await answer.locator('summary').innerText()).toBe('Hide answer');
      await answer.getByText('Hide answer').click();
      expect(await answer.locator('summary').innerText()).toBe('Show answer');
      // The flowchart at its own size, never taller than the cap.
      const figure = await page.evaluate<{ width: number; height: number }>("(() => { const image = document.querySelector('figure img'); return { width: image.clientWidth, height: image.clientHeight }; })()");
      expect(figure.height).toBeLessThanOrEqual(720);
      expect(figure.width).toBeLessThanOrEqual(Number(await page.locator('figure img').getAttribute('width')));
      // The abstract is folded.
      expect(await page.locator('details.abstract p').isVisible()).toBe(false);
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    });
  }

  it('links only to files that exist, from the index, the editions, the paper pages and the search results', async () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, { page, problems }] of phonePages) {
      const references = await page.evaluate<string[]>(
        "[...document.querySelectorAll('a[href], img[src], link[href], script[src]')].map((element) => element.href || element.src)",
      );
      for (const reference of references.filter((url) => url.startsWith('file:'))) {
        checked += 1;
        if (!existsSync(fileURLToPath(reference.split('#')[0]!.split('?')[0]!))) missing.push(`${path} → ${reference}`);
      }
      expect(problems, path).toEqual([]);
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('fits a 375 px screen in dark mode without horizontal scrolling', async () => {
    for (const [path, { page }] of phonePages) {
      const sizes = await page.evaluate<{ scrollWidth: number; innerWidth: number; background: string }>(
        '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, background: getComputedStyle(document.body).backgroundColor })',
      );
      expect(sizes.innerWidth, path).toBe(375);
      expect(sizes.scrollWidth, path).toBeLessThanOrEqual(375);
      expect(sizes.background, path).toBe('rgb(11, 17, 32)');
    }
  });

  it('shows a hostile paper title as literal text and runs nothing, on every page and in the search results', async () => {
    expect(await phonePages.get('index.html?q=onerror')!.page.locator('#search-results a').allInnerTexts()).toEqual([HOSTILE_TITLE]);
    expect(await phonePages.get('digests/2025-01-21.html')!.page.locator('h2', { hasText: HOSTILE_TITLE }).count()).toBe(1);
    for (const [path, { page, problems, dialogs }] of phonePages) {
      expect(await page.locator('img[src="x"]').count(), path).toBe(0);
      expect(await page.evaluate<number>("document.querySelectorAll('[onerror], [onload], [onclick]').length"), path).toBe(0);
      expect(dialogs, path).toEqual([]);
      expect(problems, path).toEqual([]);
    }
  });
});
