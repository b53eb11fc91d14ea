import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmailEdition } from '../../src/mail/render-email-edition.js';
import { makeSampleBrief, makeSampleBriefs } from '../helpers/sample-brief.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`browser tests skipped: no ${CHROMIUM_PATH}; install it with: apt-get install chromium`);

const LONG_WORD = 'Hyperparameteroptimizationbenchmarkingframeworkforlargescalelanguagemodels';

describe.skipIf(!hasChromium)('the email edition in Chromium, on a phone', () => {
  let browser: Browser;
  let directory: string;
  let url: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'email-browser-'));
    const papers = [...makeSampleBriefs(), makeSampleBrief({ paper: { id: '2501.09999', title: `${LONG_WORD}: a study` } })].map((brief) => ({ brief, reason: 'matches: retrieval' }));
    await writeFile(join(directory, 'email.html'), renderEmailEdition({ date: '2025-01-31', papers }, { publicUrl: 'https://news.example.org/brief' }).html);
    url = pathToFileURL(join(directory, 'email.html')).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  // The images live under the public URL; the test answers them from nowhere, so no request leaves the machine.
  async function open(colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, colorScheme });
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(url);
    return page;
  }

  it.each(['light', 'dark'] as const)('fits 375 px without horizontal scrolling (%s)', async (colorScheme) => {
    const page = await open(colorScheme);
    const widths = await page.evaluate<{ page: number; body: number }>('({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth })');
    expect(widths.page).toBeLessThanOrEqual(375);
    expect(widths.body).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('switches the cards to light text on a dark background in dark mode', async () => {
    const page = await open('dark');
    const colors = await page.evaluate<{ background: string; text: string }>(
      "(() => { const style = getComputedStyle(document.querySelector('td.card')); return { background: style.backgroundColor, text: style.color }; })()",
    );
    expect(colors).toEqual({ background: 'rgb(31, 41, 55)', text: 'rgb(243, 244, 246)' });
    const link = await page.evaluate<string>("getComputedStyle(document.querySelector('h2.title a')).color");
    expect(link).toBe('rgb(147, 197, 253)');
    await page.close();
  });
});
