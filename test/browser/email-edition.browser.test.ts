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

describe.skipIf(!hasChromium)('a 25-paper email in Chromium at 600 px', () => {
  let browser: Browser;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'email-height-'));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it('is under 8,000 px tall, opens with "In this issue", and every link carries its colour inline', async () => {
    const samples = makeSampleBriefs();
    const papers = Array.from({ length: 25 }, (_, index) => {
      const sample = samples[index % samples.length]!;
      const brief = makeSampleBrief({ ...sample, paper: { ...sample.paper, id: `2501.${String(10_000 + index)}`, authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Emmy Noether', 'Paul Dirac'] } });
      return { brief, reason: 'nearest interest: retrieval over long documents' };
    });
    const email = renderEmailEdition({ date: '2025-01-31', papers }, { publicUrl: 'https://news.example.org/brief' });
    expect(email.shownInFull).toBe(25);
    await writeFile(join(directory, 'email.html'), email.html);
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(pathToFileURL(join(directory, 'email.html')).href);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    console.log(`25-paper email at 600 px: ${height} px tall, ${Buffer.byteLength(email.html)} bytes of HTML`);
    expect(height).toBeLessThan(8000);
    const contents = await page.evaluate<string[]>("[...document.querySelectorAll('ol.contents > li > a')].map((link) => link.getAttribute('href'))");
    expect(contents).toHaveLength(25);
    expect(contents[0]).toBe('#paper-1');
    expect(await page.evaluate<boolean>("document.getElementById('paper-25') !== null")).toBe(true);
    const uncoloured = await page.evaluate<string[]>("[...document.querySelectorAll('a')].filter((link) => !/color:/.test(link.getAttribute('style') ?? '')).map((link) => link.outerHTML)");
    expect(uncoloured).toEqual([]);
    await page.close();
  });
});
