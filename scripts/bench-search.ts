// Benchmarks the archive's search on a synthetic archive of several years: the size of its data, and what a reader's
// first search loads and waits for in Chromium (every match counted, the first page shown, then the next page), against
// the single file of every brief that each search loaded before the data was split.
// Usage: npm run bench:search -- [--years 5] [--papers 15]
// `--papers` is papers a day (15 make about 8 MB of search data a year). The records are written as nightly runs
// leave them, today's edition is published for real, then each query is a first search in a fresh page over http.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { publishEdition } from '../src/archive/publish-edition.js';
import type { EditionRecord } from '../src/edition/edition-record.js';
import { toSearchDocument, toSearchFields } from '../src/search/search-document.js';
import type { SearchManifest } from '../src/search/search-manifest.js';
import { writeBrief } from '../src/output/brief-store.js';
import { makeSampleBrief } from '../test/helpers/sample-brief.js';
import { serveFolder } from '../test/helpers/serve-folder.js';
import { COMMON_WORD, OLDEST_PAPER_WORD, writeSyntheticArchive, YEARLY_WORD } from '../test/helpers/synthetic-archive.js';
import { formatSeconds, mark, readPositive } from './bench-support.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const TARGET_FIRST_SEARCH_BYTES = 1_000_000;
// The search box script before the split (commit 40f0bc9); with MiniSearch and the data, what the index page loaded.
const OLD_SEARCH_SCRIPT_BYTES = 2_040;
// MiniSearch's browser build, which that page loaded too: the installed package's UMD build.
const OLD_MINISEARCH_PATH = new URL('../umd/index.js', import.meta.resolve('minisearch'));
const TODAY = { date: '2025-01-21', word: 'quokka', title: 'Quokka Burrows as Natural Experiments in Soil Carbon' };

const { values } = parseArgs({ options: { years: { type: 'string', default: '5' }, papers: { type: 'string', default: '15' } } });
const years = readPositive('--years', values.years);
const papersPerDay = readPositive('--papers', values.papers);

const outputDir = await mkdtemp(join(tmpdir(), 'arxiv-brief-bench-search-'));
try {
  const days = Math.round(years * 365.25);
  const from = new Date(Date.parse(`${TODAY.date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const archive = await writeSyntheticArchive(outputDir, { from, days, papersPerDay });
  const newest = makeSampleBrief({ paper: { id: '2501.07777', version: 1, title: TODAY.title } });
  await writeBrief(outputDir, newest);
  const published = await publishEdition(outputDir, { date: TODAY.date, papers: [{ brief: newest }] }, { warn: console.warn });
  const data = await measureSearchData(outputDir);
  console.log(`archive: ${years} years, ${published.editions} editions, ${archive.papers + 1} papers (${papersPerDay} a day), published in ${formatSeconds(published.durationMs)}; index.html ${kilobytes((await stat(join(outputDir, 'index.html'))).size)}`);
  console.log(
    `search data: ${megabytes(data.totalBytes)}: ${data.titleParts} parts of results' titles (largest ${kilobytes(data.largestTitlePartBytes)}) and ${data.manifest.termBuckets.length} term buckets (largest ${kilobytes(data.largestBucketBytes)}), manifest ${kilobytes(data.manifestBytes)}`,
  );
  console.log(`before the split: assets/search-data.js ${megabytes(data.singleFileBytes)}, loaded whole by the index page before any search`);
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`first searches skipped: no ${CHROMIUM_PATH}`);
  } else {
    const oldFirstSearchBytes = data.singleFileBytes + (await stat(OLD_MINISEARCH_PATH)).size + OLD_SEARCH_SCRIPT_BYTES;
    const queries: Array<[string, string]> = [
      [OLDEST_PAPER_WORD.toLowerCase(), `the one paper of ${archive.oldest.date}`],
      [TODAY.word, `the one paper of ${TODAY.date}`],
      [YEARLY_WORD.toLowerCase(), `${Math.ceil(days / 365)} papers, one a year`],
      [COMMON_WORD, 'a word of most papers'],
    ];
    const server = await serveFolder(outputDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      for (const [query, what] of queries) {
        const search = await searchFirstTime(browser, server.url, query);
        const bytes = await sumFileSizes(outputDir, search.scripts);
        const settledBytes = await sumFileSizes(outputDir, search.settledScripts);
        console.log(
          `first search "${query}" (${what}): ${kilobytes(bytes)} requested by the first result (the page ${kilobytes(await sumFileSizes(outputDir, ['/index.html']))}, its stylesheet and scripts), ratio ${(bytes / oldFirstSearchBytes).toFixed(3)} to the ${megabytes(oldFirstSearchBytes)} of scripts loaded before the split; ` +
            `${kilobytes(settledBytes)} with every match counted (target < ${TARGET_FIRST_SEARCH_BYTES.toLocaleString('en')} bytes: ${mark(settledBytes < TARGET_FIRST_SEARCH_BYTES)}); first result ${search.firstResultMs} ms after the input event (page loaded in ${search.pageLoadMs} ms); then: "${search.status}"`,
        );
        if (search.nextPage !== undefined) {
          const nextBytes = (await sumFileSizes(outputDir, search.nextPage.scripts)) - settledBytes;
          console.log(`  "Show more" for "${query}": ${kilobytes(nextBytes)} more, ${search.nextPage.ms} ms, then: "${search.nextPage.status}"`);
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
} finally {
  await rm(outputDir, { recursive: true, force: true });
}

// --- internal ---

interface SearchDataSizes {
  manifest: SearchManifest;
  totalBytes: number;
  manifestBytes: number;
  titleParts: number;
  largestTitlePartBytes: number;
  largestBucketBytes: number;
  /** What the single `assets/search-data.js` of the same briefs weighed: every searchable field of each in one array. */
  singleFileBytes: number;
}

async function measureSearchData(outputDir: string): Promise<SearchDataSizes> {
  const folder = join(outputDir, 'assets', 'search');
  const manifestText = await readFile(join(folder, 'manifest.js'), 'utf8');
  const manifest = JSON.parse(manifestText.slice(manifestText.indexOf('=') + 1).trim().replace(/;$/, '')) as SearchManifest;
  const sizes = new Map<string, number>();
  for (const name of await readdir(join(folder, manifest.version))) sizes.set(name, (await stat(join(folder, manifest.version, name))).size);
  // The single file held every searchable field of each brief, as the archive's records keep them.
  let documentBytes = 0;
  let documents = 0;
  const seen = new Set<string>();
  for (const name of (await readdir(join(outputDir, 'archive', 'editions'))).sort().reverse()) {
    const record = JSON.parse(await readFile(join(outputDir, 'archive', 'editions', name), 'utf8')) as EditionRecord;
    for (const paper of record.papers) {
      if (seen.has(paper.stem)) continue;
      seen.add(paper.stem);
      documentBytes += Buffer.byteLength(JSON.stringify({ ...toSearchDocument(paper, record.date), ...toSearchFields(paper) }));
      documents += 1;
    }
  }
  const sizesOf = (prefix: string) => [...sizes].filter(([name]) => name.startsWith(prefix)).map(([, size]) => size);
  return {
    manifest,
    totalBytes: [...sizes.values()].reduce((sum, size) => sum + size, 0) + Buffer.byteLength(manifestText),
    manifestBytes: Buffer.byteLength(manifestText),
    titleParts: sizesOf('documents-').length,
    largestTitlePartBytes: Math.max(...sizesOf('documents-')),
    largestBucketBytes: Math.max(...sizesOf('terms-')),
    singleFileBytes: Buffer.byteLength('window.arxivBriefSearchData = {"documents":[]};\n') + documentBytes + Math.max(0, documents - 1),
  };
}

interface FirstSearch {
  /** Paths of every file requested up to the first result. */
  scripts: string[];
  /** The same once every match is counted and the first page shown. */
  settledScripts: string[];
  /** "Show more", when there was more: every file requested by then, how long it took, the status after. */
  nextPage?: { scripts: string[]; ms: number; status: string };
  pageLoadMs: number;
  /** From the input event to the first result in the list, timed in the page. */
  firstResultMs: number;
  status: string;
}

async function searchFirstTime(browser: Browser, baseUrl: string, query: string): Promise<FirstSearch> {
  const page = await browser.newPage();
  const scripts: string[] = [];
  // Every file of the archive the browser asks for: the page itself, its stylesheet and icon, and the scripts.
  page.on('request', (request) => {
    if (new URL(request.url()).origin === new URL(baseUrl).origin) scripts.push(new URL(request.url()).pathname);
  });
  const startedAt = performance.now();
  await page.goto(new URL('index.html', baseUrl).href, { waitUntil: 'load' });
  const pageLoadMs = Math.round(performance.now() - startedAt);
  await page.evaluate(`(() => {
    const list = document.getElementById('search-results');
    document.getElementById('search-input').addEventListener('input', () => { window.benchTypedAt = performance.now(); });
    new MutationObserver(() => { if (list.firstChild && window.benchFirstResultAt === undefined) window.benchFirstResultAt = performance.now(); }).observe(list, { childList: true });
  })()`);
  await page.locator('#search-input').fill(query);
  await page.locator('#search-results a').first().waitFor({ timeout: 120_000 });
  const scriptsAtFirstResult = [...scripts];
  const firstResultMs = Math.round(await page.evaluate<number>('window.benchFirstResultAt - window.benchTypedAt'));
  await page.waitForFunction("!/^Searching/.test(document.getElementById('search-status').textContent)");
  const status = await page.locator('#search-status').innerText();
  const settledScripts = [...scripts];
  let nextPage: FirstSearch['nextPage'];
  if (await page.locator('#search-more').isVisible()) {
    const shown = await page.locator('#search-results li').count();
    const startedAt = performance.now();
    await page.locator('#search-more').click();
    await page.waitForFunction(`document.querySelectorAll('#search-results li').length > ${shown}`);
    nextPage = { scripts: [...scripts], ms: Math.round(performance.now() - startedAt), status: await page.locator('#search-status').innerText() };
  }
  await page.close();
  return { scripts: scriptsAtFirstResult, settledScripts, pageLoadMs, firstResultMs, status, ...(nextPage ? { nextPage } : {}) };
}

async function sumFileSizes(outputDir: string, urlPaths: string[]): Promise<number> {
  const sizes = await Promise.all(urlPaths.map(async (path) => (await stat(join(outputDir, decodeURIComponent(path)))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
