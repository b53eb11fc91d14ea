import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition } from '../../src/archive/publish-edition.js';
import { writeBrief } from '../../src/output/brief-store.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';
import { serveFolder } from '../helpers/serve-folder.js';
import { OLDEST_PAPER_WORD, type SyntheticArchive, writeSyntheticArchive, YEARLY_WORD } from '../helpers/synthetic-archive.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);

// What the first search of the archive may cost a reader: every script and data file up to its first result.
const FIRST_SEARCH_BUDGET_BYTES = 1_000_000;
const NEWEST_TITLE = 'Quokka Burrows as Natural Experiments in Soil Carbon';

// One first search per query, each in a fresh page: the oldest paper, today's paper, and a word of every year.
const QUERIES = [OLDEST_PAPER_WORD.toLowerCase(), 'quokka burrows', YEARLY_WORD.toLowerCase()] as const;

interface FirstSearch {
  query: string;
  page: Page;
  titles: string[];
  status: string;
  /** Bytes of every script requested from opening the index to the first result shown. */
  scriptBytes: number;
  /** The same once the search has stopped loading on its own. */
  settledScriptBytes: number;
  problems: string[];
}

describe.skipIf(!hasChromium)('the search of a five-year archive in Chromium', () => {
  let browser: Browser;
  let outputDir: string;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let archive: SyntheticArchive;
  const searches = new Map<string, FirstSearch>();

  beforeAll(async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'archive-search-growth-'));
    // Five years of two papers a day (5 MB of search data), then today's edition published for real.
    archive = await writeSyntheticArchive(outputDir, { from: '2020-01-21', days: 1826, papersPerDay: 2 });
    const newest = makeSampleBrief({ paper: { id: '2501.07777', version: 1, title: NEWEST_TITLE } });
    await writeBrief(outputDir, newest);
    await publishEdition(outputDir, { date: '2025-01-21', papers: [{ brief: newest }] }, { warn: (message) => expect.fail(message) });
    server = await serveFolder(outputDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const search of await Promise.all(QUERIES.map(searchFirstTime))) searches.set(search.query, search);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outputDir !== undefined) await rm(outputDir, { recursive: true, force: true });
  });

  // A reader's first search: a fresh page over http, one query, its scripts weighed by their files on disk.
  async function searchFirstTime(query: string): Promise<FirstSearch> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    // Everything the reader's browser fetches from the archive: the page itself, its stylesheet and icon, and the scripts.
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin === new URL(server.url).origin) scripts.push(new URL(request.url()).pathname);
    });
    const weigh = async () => (await Promise.all(scripts.map((path) => stat(join(outputDir, decodeURIComponent(path)))))).reduce((sum, info) => sum + info.size, 0);
    await page.goto(new URL('index.html', server.url).href, { waitUntil: 'load' });
    await page.locator('#search-input').fill(query);
    await page.locator('#search-results a').first().waitFor();
    const scriptBytes = await weigh();
    await page.waitForFunction("!/^Searching/.test(document.getElementById('search-status').textContent)");
    const titles = await page.locator('#search-results a').allInnerTexts();
    return { query, page, titles, status: await page.locator('#search-status').innerText(), scriptBytes, settledScriptBytes: await weigh(), problems };
  }

  it(`loads under ${FIRST_SEARCH_BUDGET_BYTES / 1e6} MB (the page, its scripts and data) up to the first result of the first search, and no more by itself`, () => {
    for (const { query, scriptBytes, settledScriptBytes, problems } of searches.values()) {
      expect(scriptBytes, query).toBeLessThan(FIRST_SEARCH_BUDGET_BYTES);
      expect(settledScriptBytes, query).toBeLessThan(FIRST_SEARCH_BUDGET_BYTES);
      expect(problems, query).toEqual([]);
    }
  });

  it('finds a paper of the first year', async () => {
    const { page, titles } = searches.get(QUERIES[0])!;
    expect(titles[0]).toBe(archive.oldest.title);
    expect(await page.locator('#search-results li .muted').first().innerText()).toMatch(new RegExp(`· ${archive.oldest.date}$`));
  });

  it("finds a paper of today's edition", () => {
    const { titles, status } = searches.get(QUERIES[1])!;
    expect(titles).toEqual([NEWEST_TITLE]);
    expect(status).toBe('1 brief');
  });

  it('searches the newest editions first, says which are left, and searches them when asked', async () => {
    const yearly = archive.dates.filter((_, day) => day % 365 === 0).length;
    const { page, titles, status, problems } = searches.get(QUERIES[2])!;
    expect(titles.length).toBeLessThan(yearly);
    expect(status).toMatch(new RegExp(`^${titles.length} briefs? so far; editions from \\d{4}-\\d{2}-\\d{2} back are not searched yet\\.$`));

    await page.locator('#search-more').click();
    await page.waitForFunction("/^\\d+ briefs?$/.test(document.getElementById('search-status').textContent)");
    const all = await page.locator('#search-results a').allInnerTexts();
    expect(all).toHaveLength(yearly);
    for (const title of all) expect(title.startsWith(`${YEARLY_WORD} `)).toBe(true);
    expect(await page.locator('#search-status').innerText()).toBe(`${yearly} briefs`);
    expect(await page.locator('#search-more').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });
});
