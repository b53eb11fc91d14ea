import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIssueEmail } from '../../src/issue/render-issue-email.js';
import { hasChromium, launchChromium } from '../helpers/launch-chromium.js';
import { makeSampleIssue, SAMPLE_ISSUE_FIGURE } from '../helpers/sample-issue.js';

const PUBLIC_URL = 'https://brief.example.org';

describe.skipIf(!hasChromium)("an issue's email in Chromium, on a phone", () => {
  let browser: Browser;
  let directory: string;
  let figure: Buffer;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'issue-email-browser-'));
    await writeFile(join(directory, 'email.html'), renderIssueEmail(makeSampleIssue(3), { publicUrl: PUBLIC_URL }).html);
    // A figure at the widest the figures step keeps.
    figure = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#3366cc' } }).png().toBuffer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it('jumps from the contents to a paper, and shows its figure from the public URL within 375 px', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
    // The public URL is answered here: the figure from memory, anything else refused, so no request leaves the machine.
    const figureRequests: string[] = [];
    await page.route(/^https?:/, async (route) => {
      if (route.request().url() !== `${PUBLIC_URL}/papers/${SAMPLE_ISSUE_FIGURE}`) return route.abort();
      figureRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: figure });
    });
    await page.goto(pathToFileURL(join(directory, 'email.html')).href, { waitUntil: 'load' });

    const image = page.locator('img[alt="Recall against the number of experts."]');
    expect(await image.evaluate((element) => (element as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBe(1200);
    expect(figureRequests).toHaveLength(1);
    const box = (await image.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);

    await page.getByRole('link', { name: 'Commentary paper 3' }).first().click();
    await page.waitForFunction("location.hash === '#paper-3'");
    const card = (await page.locator('#paper-3').boundingBox())!;
    // Scrolled down to the card's top (within a pixel's rounding).
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);
    expect(Math.abs(card.y)).toBeLessThan(1);
    expect(await page.locator('#paper-3 .meta').innerText()).toBe('Author 3A, Author 3B · arXiv:2509.20002v1');
    await page.close();
  });
});
