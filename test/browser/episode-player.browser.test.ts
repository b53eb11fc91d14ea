import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEspeakEngine } from '../../src/audio/create-espeak-engine.js';
import { createSpeechChunkCache } from '../../src/audio/speech-chunk-cache.js';
import { synthesizeEpisode } from '../../src/audio/synthesize-episode.js';
import { publishEdition } from '../../src/archive/publish-edition.js';
import { writeBrief } from '../../src/output/brief-store.js';
import { makeSampleBriefs } from '../helpers/sample-brief.js';
import { serveFolder } from '../helpers/serve-folder.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const canRun = existsSync(CHROMIUM_PATH) && existsSync('/usr/bin/espeak-ng');
const DATE = '2025-01-20';
// A chapter title as long as arXiv titles get: it has to wrap on a phone.
const LONG_TITLE = 'Learning to Route Queries Across Thousands of Retrieval Experts Without Losing Recall on Long Scientific Documents';

// What the phone test measures of one chapter row.
interface ChapterRow {
  button: { top: number; bottom: number; height: number; right: number };
  time: { top: number; left: number; right: number };
  font: string;
  fontSize: number;
  align: string;
  background: string;
  lines: number;
}

// The part of HTMLMediaElement the tests use (the project's types have no DOM).
interface MediaPlayer {
  currentTime: number;
  play(): Promise<void>;
}

describe.skipIf(!canRun)('the episode player in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let chapters: Array<{ title: string; startMs: number; endMs: number; paperId?: string }>;

  beforeAll(async () => {
    const outputDir = await mkdtemp(join(tmpdir(), 'player-browser-'));
    const [first, second] = makeSampleBriefs();
    for (const brief of [first!, second!]) await writeBrief(outputDir, brief);
    const segment = (title: string, paperId?: string) => ({ title, ...(paperId ? { paperId } : {}), turns: [{ speaker: 'Host', text: `This part is about ${title}. It explains the idea in a few plain sentences for the listener.` }] });
    const episode = await synthesizeEpisode(
      { title: `arXiv Brief: ${DATE}`, date: DATE, author: 'arXiv Brief', segments: [segment('Welcome'), segment(first!.paper.title, first!.paper.id), segment(second!.paper.title, second!.paper.id), segment(LONG_TITLE), segment('Goodbye')] },
      { engine: createEspeakEngine(), voices: { Host: 'en' }, cache: createSpeechChunkCache(join(outputDir, 'cache')), mp3Path: join(outputDir, 'audio', `${DATE}.mp3`), transcriptPath: join(outputDir, 'audio', `${DATE}.txt`) },
    );
    chapters = episode.chapters.map((chapter, index) => ({ ...chapter, ...(index === 1 ? { paperId: first!.paper.id } : index === 2 ? { paperId: second!.paper.id } : {}) }));
    await publishEdition(outputDir, { date: DATE, papers: [{ brief: first! }, { brief: second! }], episode: { mp3: `audio/${DATE}.mp3`, durationMs: episode.durationMs, chapters } }, { warn: () => undefined });
    server = await serveFolder(outputDir);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a chapter button moves the web edition\'s player to that chapter', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}digests/${DATE}.html`);
    await page.getByRole('button', { name: chapters[2]!.title }).click();
    await page.waitForFunction("document.querySelector('.episode audio').currentTime > 0");
    const time = await page.locator('.episode audio').evaluate((audio) => (audio as unknown as MediaPlayer).currentTime);
    expect(time).toBeGreaterThanOrEqual(chapters[2]!.startMs / 1000 - 0.2);
    expect(time).toBeLessThan(chapters[2]!.endMs / 1000);
  });

  it('on a 375 px phone the chapters are styled rows: the title wraps inside its button, its time beside it, nothing scrolls sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${server.url}digests/${DATE}.html`);
    // Measured in the page (the project's types have no DOM): each row's button and time, and the page's width.
    const { rows, body } = (await page.evaluate(`(() => {
      const rows = [...document.querySelectorAll('.episode .chapters li')].map((item) => {
        const button = item.querySelector('button').getBoundingClientRect();
        const time = item.querySelector('.muted').getBoundingClientRect();
        const style = getComputedStyle(item.querySelector('button'));
        return {
          button: { top: button.top, bottom: button.bottom, height: button.height, right: button.right },
          time: { top: time.top, left: time.left, right: time.right },
          font: style.fontFamily, fontSize: parseFloat(style.fontSize), align: style.textAlign, background: style.backgroundColor,
          lines: Math.round(button.height / parseFloat(style.lineHeight)),
        };
      });
      return { rows, body: { font: getComputedStyle(document.body).fontFamily, scrollWidth: document.documentElement.scrollWidth } };
    })()`)) as { rows: ChapterRow[]; body: { font: string; scrollWidth: number } };

    expect(body.scrollWidth).toBeLessThanOrEqual(375);
    expect(rows).toHaveLength(chapters.length);
    for (const row of rows) {
      // The page's own type, not the browser's 13 px button face.
      expect(row).toMatchObject({ font: body.font, align: 'left' });
      expect(row.fontSize).toBeGreaterThanOrEqual(15);
      expect(row.background).not.toBe('rgb(239, 239, 239)');
      // A finger-sized target, with its time on the same row, to its right, inside the screen.
      expect(row.button.height).toBeGreaterThanOrEqual(36);
      expect(row.time.top).toBeGreaterThanOrEqual(row.button.top);
      expect(row.time.top).toBeLessThan(row.button.bottom);
      expect(row.time.left).toBeGreaterThanOrEqual(row.button.right);
      expect(row.time.right).toBeLessThanOrEqual(375);
    }
    // The long title wraps inside its button instead of pushing its time to the next line.
    expect(rows.some((row) => row.lines > 1)).toBe(true);
  });

  it("a paper's page plays that paper's segment of the episode", async () => {
    const page = await browser.newPage();
    const [first] = makeSampleBriefs();
    await page.goto(`${server.url}papers/${first!.paper.id}v${first!.paper.version}.html`);
    const player = page.locator('.episode audio');
    expect(await player.count()).toBe(1);
    await player.evaluate((audio) => (audio as unknown as MediaPlayer).play());
    await page.waitForFunction("document.querySelector('.episode audio').currentTime > 0");
    const time = await player.evaluate((audio) => (audio as unknown as MediaPlayer).currentTime);
    expect(time).toBeGreaterThanOrEqual(chapters[1]!.startMs / 1000 - 0.2);
  });
});
