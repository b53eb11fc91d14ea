// Publishes the sample edition and saves a screenshot of its web edition to docs/edition-sample.png:
// `npx tsx scripts/screenshot-edition.ts [--dark]`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { publishEdition } from '../src/archive/publish-edition.js';
import { writeBrief } from '../src/output/brief-store.js';
import { makeSampleBriefs } from '../test/helpers/sample-brief.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const dark = process.argv.includes('--dark');
const outputPath = fileURLToPath(new URL(`../docs/edition-sample${dark ? '-dark' : ''}.png`, import.meta.url));

const directory = await mkdtemp(join(tmpdir(), 'edition-screenshot-'));
try {
  const briefs = makeSampleBriefs();
  for (const brief of briefs) await writeBrief(directory, brief);
  const reasons = ['matches: retrieval, long context', 'matches: diffusion', undefined];
  const papers = briefs.map((brief, index) => ({ brief, ...(reasons[index] === undefined ? {} : { reason: reasons[index] }) }));
  await publishEdition(directory, { date: '2025-01-21', papers }, { warn: (message) => console.warn(message) });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 760, height: 1400 }, deviceScaleFactor: 1, colorScheme: dark ? 'dark' : 'light' });
    await page.goto(pathToFileURL(join(directory, 'digests', '2025-01-21.html')).href);
    await page.screenshot({ path: outputPath });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${outputPath}`);
} finally {
  await rm(directory, { recursive: true, force: true });
}
