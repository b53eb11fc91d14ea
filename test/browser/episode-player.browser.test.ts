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
      { title: `arXiv Brief: ${DATE}`, date: DATE, author: 'arXiv Brief', segments: [segment('Welcome'), segment(first!.paper.title, first!.paper.id), segment(second!.paper.title, second!.paper.id), segment('Goodbye')] },
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
