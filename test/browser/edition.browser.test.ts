import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEditionHtml, type Edition } from '../../src/output/render-edition-html.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`browser tests skipped: no ${CHROMIUM_PATH}; install it with: apt-get install chromium`);

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';

interface OpenedPage {
  page: Page;
  problems: string[];
  dialogs: string[];
}

describe.skipIf(!hasChromium)('the edition page in Chromium', () => {
  let browser: Browser;
  let directory: string;
  // One page per image mode, loaded once: the checks below only read them (or open one <details>).
  const opened: Partial<Record<'files' | 'inline', OpenedPage>> = {};

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'edition-browser-'));
    const edition: Edition = {
      date: '2025-01-21',
      briefs: [...makeSampleBriefs().slice(0, 2), makeSampleBrief({ paper: { id: '2501.09999', title: HOSTILE_TITLE } })],
      links: { markdown: '2025-01-21.md', json: '2025-01-21.json', feed: 'feed.xml' },
    };
    const withFiles = renderEditionHtml(edition, { images: 'files' });
    await writeFile(join(directory, 'files.html'), withFiles.html);
    for (const file of withFiles.files) await writeFile(join(directory, file.name), file.bytes);
    await writeFile(join(directory, 'inline.html'), renderEditionHtml(edition, { images: 'inline' }).html);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    [opened.files, opened.inline] = await Promise.all([
      open(pathToFileURL(join(directory, 'files.html')).href),
      open(pathToFileURL(join(directory, 'inline.html')).href),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  async function open(url: string): Promise<OpenedPage> {
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems, dialogs };
  }

  for (const mode of ['files', 'inline'] as const) {
    it(`shows every flowchart image (${mode}) without console or page errors`, async () => {
      const { page, problems, dialogs } = opened[mode]!;
      const images = page.locator('img');
      expect(await images.count()).toBe(3);
      // Expression strings run in the page; the project's types hold no DOM library.
      expect(await page.evaluate<boolean[]>('[...document.images].map((image) => image.complete && image.naturalWidth > 0)')).toEqual([true, true, true]);
      for (const image of await images.all()) {
        const box = await image.boundingBox();
        expect(box!.width).toBeGreaterThan(200);
        expect(box!.height).toBeGreaterThan(100);
        expect(await image.getAttribute('alt')).toMatch(/^Method workflow: /);
      }
      expect(await page.locator('script').count()).toBe(0);
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
    });
  }

  it('reveals a quiz answer when "Show answer" is clicked', async () => {
    const { page, problems } = opened.files!;
    const details = page.locator('details').first();
    const answer = details.locator('p');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await answer.isVisible()).toBe(false);
    await details.getByText('Show answer').click();
    expect(await details.getAttribute('open')).toBe('');
    expect(await answer.isVisible()).toBe(true);
    expect(await answer.innerText()).toContain('B. Retrieval accuracy on long inputs');
    expect(problems).toEqual([]);
  });

  it('shows a hostile paper title as literal text and runs nothing', async () => {
    const { page, problems, dialogs } = opened.inline!;
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('h2', { hasText: HOSTILE_TITLE }).count()).toBe(1);
    expect(await page.evaluate<number>("document.querySelectorAll('[onerror], [onload], [onclick]').length")).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  for (const width of [600, 375]) {
    it(`fits a ${width} px wide screen without horizontal scrolling`, async () => {
      const { page } = opened.inline!;
      await page.setViewportSize({ width, height: 900 });
      const sizes = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
        '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
      );
      expect(sizes.innerWidth).toBe(width);
      expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.innerWidth);
    });
  }
});
