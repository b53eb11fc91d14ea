import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition } from '../../src/archive/publish-edition.js';
import { writeBrief } from '../../src/output/brief-store.js';
import { hasChromium, launchChromium } from '../helpers/launch-chromium.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';
import { serveFolder } from '../helpers/serve-folder.js';
import { COMMON_WORD, OLDEST_PAPER_WORD, type SyntheticArchive, writeSyntheticArchive, YEARLY_WORD } from '../helpers/synthetic-archive.js';

// What a search of the archive may cost a reader: every file of the archive the browser asked for.
const SEARCH_BUDGET_BYTES = 1_000_000;
const NEWEST_TITLE = 'Quokka Burrows as Natural Experiments in Soil Carbon';
const PAGE_SIZE = 20;

// One first search per query, each in a fresh page: the oldest paper, today's paper, a word of every year, a word of most papers.
const QUERIES = [OLDEST_PAPER_WORD.toLowerCase(), 'quokka burrows', YEARLY_WORD.toLowerCase(), COMMON_WORD] as const;

interface FirstSearch {
  query: string;
  page: Page;
  titles: string[];
  status: string;
  /** Bytes of every file requested from opening the index to the first result shown. */
  firstResultBytes: number;
  /** The same once the search has stopped loading on its own. */
  settledBytes: () => Promise<number>;
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
    // Five years of two papers a day, then today's edition published for real.
    archive = await writeSyntheticArchive(outputDir, { from: '2020-01-21', days: 1826, papersPerDay: 2 });
    const newest = makeSampleBrief({ paper: { id: '2501.07777', version: 1, title: NEWEST_TITLE } });
    await writeBrief(outputDir, newest);
    await publishEdition(outputDir, { date: '2025-01-21', papers: [{ brief: newest }] }, { warn: (message) => expect.fail(message) });
    server = await serveFolder(outputDir);
    browser = await launchChromium();
    for (const search of await Promise.all(QUERIES.map(searchFirstTime))) searches.set(search.query, search);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outputDir !== undefined) await rm(outputDir, { recursive: true, force: true });
  });

  // A reader's first search: a fresh page over http, one query, every file it fetched weighed on disk.
  async function searchFirstTime(query: string): Promise<FirstSearch> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    // Everything the reader's browser fetches from the archive: the page itself, its stylesheet and icon, the scripts and data.
    const files: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin === new URL(server.url).origin) files.push(new URL(request.url()).pathname);
    });
    const weigh = async () => (await Promise.all(files.map((path) => stat(join(outputDir, decodeURIComponent(path)))))).reduce((sum, info) => sum + info.size, 0);
    await page.goto(new URL('index.html', server.url).href, { waitUntil: 'load' });
    await page.locator('#search-input').fill(query);
    await page.locator('#search-results a').first().waitFor();
    const firstResultBytes = await weigh();
    await page.waitForFunction("!/^Searching/.test(document.getElementById('search-status').textContent)");
    const titles = await page.locator('#search-results a').allInnerTexts();
    return { query, page, titles, status: await page.locator('#search-status').innerText(), firstResultBytes, settledBytes: weigh, problems };
  }

  it(`loads under ${SEARCH_BUDGET_BYTES / 1e6} MB (the page, its scripts and data) for a first search, whatever the query`, async () => {
    for (const { query, firstResultBytes, settledBytes, problems } of searches.values()) {
      expect(firstResultBytes, query).toBeLessThan(SEARCH_BUDGET_BYTES);
      expect(await settledBytes(), query).toBeLessThan(SEARCH_BUDGET_BYTES);
      expect(problems, query).toEqual([]);
    }
  });

  it('finds a paper of the first year', async () => {
    const { page, titles, status } = searches.get(QUERIES[0])!;
    expect(titles).toEqual([archive.oldest.title]);
    expect(status).toBe('1 brief');
    expect(await page.locator('#search-results li .muted').first().innerText()).toMatch(new RegExp(`· ${archive.oldest.date}$`));
  });

  it("finds a paper of today's edition", () => {
    const { titles, status } = searches.get(QUERIES[1])!;
    expect(titles).toEqual([NEWEST_TITLE]);
    expect(status).toBe('1 brief');
  });

  it('finds every paper of a word, one a year, at once', async () => {
    const yearly = archive.dates.filter((_, day) => day % 365 === 0).length;
    const { page, titles, status } = searches.get(QUERIES[2])!;
    expect(titles).toHaveLength(yearly);
    for (const title of titles) expect(title.startsWith(`${YEARLY_WORD} `)).toBe(true);
    expect(status).toBe(`${yearly} briefs`);
    expect(await page.locator('#search-more').isHidden()).toBe(true);
  });

  it('counts every match of a common word, shows a page of them, and the next page on request, still under the budget', async () => {
    const { page, titles, status, settledBytes, problems } = searches.get(QUERIES[3])!;
    expect(titles).toHaveLength(PAGE_SIZE);
    const total = Number(/^(\d+) briefs, showing the first 20$/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(archive.papers / 2);
    expect(await page.locator('#search-more').innerText()).toBe(`Show ${PAGE_SIZE} more`);

    await page.locator('#search-more').click();
    await page.waitForFunction(`document.querySelectorAll('#search-results li').length === ${2 * PAGE_SIZE}`);
    expect(await page.locator('#search-status').innerText()).toBe(`${total} briefs, showing the first ${2 * PAGE_SIZE}`);
    const second = await page.locator('#search-results a').allInnerTexts();
    expect(second.slice(0, PAGE_SIZE)).toEqual(titles);
    expect(new Set(second).size).toBe(2 * PAGE_SIZE);
    expect(await settledBytes()).toBeLessThan(SEARCH_BUDGET_BYTES);
    expect(problems).toEqual([]);
  });
});
