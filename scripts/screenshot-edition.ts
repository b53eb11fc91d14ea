// Renders the sample edition and saves a screenshot to docs/edition-sample.png: `npx tsx scripts/screenshot-edition.ts [--dark]`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderEditionHtml } from '../src/output/render-edition-html.js';
import { makeSampleBriefs } from '../test/helpers/sample-brief.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const dark = process.argv.includes('--dark');
const outputPath = fileURLToPath(new URL(`../docs/edition-sample${dark ? '-dark' : ''}.png`, import.meta.url));

const directory = await mkdtemp(join(tmpdir(), 'edition-screenshot-'));
try {
  const { html } = renderEditionHtml(
    { date: '2025-01-21', briefs: makeSampleBriefs(), links: { markdown: '2025-01-21.md', json: '2025-01-21.json', feed: 'feed.xml' } },
    { images: 'inline' },
  );
  const pagePath = join(directory, 'edition.html');
  await writeFile(pagePath, html);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 640, height: 1800 }, deviceScaleFactor: 1, colorScheme: dark ? 'dark' : 'light' });
    await page.goto(pathToFileURL(pagePath).href);
    await page.locator('details').first().evaluate((element) => element.setAttribute('open', ''));
    await page.screenshot({ path: outputPath });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${outputPath}`);
} finally {
  await rm(directory, { recursive: true, force: true });
}
