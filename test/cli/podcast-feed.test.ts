import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSpeech, startFakeSpeech } from '../fakes/fake-speech-server.js';
import { makeNightlyPapers, NIGHT } from '../helpers/nightly-papers.js';
import { hasFfprobe, type ProbedAudio, probeAudio } from '../helpers/probe-audio.js';
import { readId3Frames } from '../helpers/read-id3-frames.js';
import { runCliCaptured } from '../helpers/run-cli-captured.js';
import { type FakeServices, startFakeServices } from '../helpers/start-fake-services.js';

const PUBLIC_URL = 'https://brief.example.org/papers';
// Frames ID3v2.4 added: a v2.3 tag holding one of them mixes two versions, which Apple's checks refuse.
const ID3V24_ONLY_FRAMES = ['TDRC', 'TDRL', 'TDTG', 'TDEN', 'TDOR', 'TIPL', 'TMCL', 'TMOO', 'TPRO', 'TSOA', 'TSOP', 'TSOT', 'TSST', 'ASPI', 'EQU2', 'RVA2', 'SEEK', 'SIGN'];

let services: FakeServices;
let speech: FakeSpeech;
let channel: Record<string, any>;
let item: Record<string, any>;
let probed: ProbedAudio;
const local = (url: string) => join(services.outputDir, url.slice(PUBLIC_URL.length + 1));

describe.skipIf(!hasFfprobe)('the podcast feed and episode files, against Apple\'s and Podcasting 2.0\'s rules', () => {
  beforeAll(async () => {
    const made = await makeNightlyPapers(2);
    services = await startFakeServices(made);
    services.hf.setDay(NIGHT, made.map((paper) => paper.id));
    speech = await startFakeSpeech();
    const env = { ...services.env, SUMMARIZE_TTS_BASE_URL: speech.baseUrl, SUMMARIZE_PUBLIC_URL: PUBLIC_URL, SUMMARIZE_PODCAST_HOSTS: 'Ada,Bo', SUMMARIZE_MAIL_FROM: 'arXiv Brief <brief@example.org>' };
    const result = await runCliCaptured(['nightly', '--date', NIGHT, '--podcast'], env);
    expect(result.code, result.stderr).toBe(0);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await readFile(join(services.outputDir, 'podcast.xml'), 'utf8'));
    channel = feed.rss.channel;
    item = channel.item;
    probed = probeAudio(join(services.outputDir, 'audio', `${NIGHT}.mp3`));
  }, 120_000);
  afterAll(async () => {
    await speech?.close();
    await services?.close();
  });

  it('names its owner, with the address Apple verifies the show by', () => {
    expect(channel['itunes:owner']).toEqual({ 'itunes:name': 'arXiv Brief', 'itunes:email': 'brief@example.org' });
  });

  it("titles an episode by what is inside, and the MP3's tag says the same", () => {
    expect(item.title).toBe('Nightly Paper 1, and one more paper');
    expect(probed.tags.title).toBe(item.title);
  });

  it('has a cover without an alpha channel, embedded in the MP3 too', async () => {
    const coverUrl = channel['itunes:image'].href as string;
    const cover = await readFile(local(coverUrl));
    // PNG's IHDR: width, height, then the colour type, 2 for RGB (6 would be RGBA).
    expect([cover.readUInt32BE(16), cover.readUInt32BE(20), cover[25]]).toEqual([1400, 1400, 2]);
    const { frames } = readId3Frames(await readFile(join(services.outputDir, 'audio', `${NIGHT}.mp3`)));
    const picture = frames.find((frame) => frame.id === 'APIC');
    expect(picture?.body.includes(cover)).toBe(true);
  });

  it('tags the MP3 in one ID3 version: v2.3 with its own date frames, none of v2.4', async () => {
    const { version, frames } = readId3Frames(await readFile(join(services.outputDir, 'audio', `${NIGHT}.mp3`)));
    const ids = frames.map((frame) => frame.id);
    expect(version).toBe(3);
    expect(ids).toEqual(expect.arrayContaining(['TIT2', 'TYER', 'TDAT', 'APIC', 'CHAP', 'CTOC']));
    expect(ids.filter((id) => ID3V24_ONLY_FRAMES.includes(id))).toEqual([]);
  });

  it('links a WebVTT transcript whose cues name the speakers and run within the episode', async () => {
    const transcripts = [item['podcast:transcript']].flat() as Array<{ url: string; type: string }>;
    const captions = transcripts.find((transcript) => transcript.type === 'text/vtt')!;
    expect(captions.url).toBe(`${PUBLIC_URL}/audio/${NIGHT}.vtt`);
    const vtt = await readFile(local(captions.url), 'utf8');
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    const cues = [...vtt.matchAll(/^(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})\n<v ([^>]+)>(.+)$/gm)].map((match) => ({
      start: Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]),
      end: Number(match[4]) * 3600 + Number(match[5]) * 60 + Number(match[6]),
      speaker: match[7],
      text: match[8],
    }));
    expect(cues.length).toBeGreaterThan(10);
    expect(cues[0]).toMatchObject({ start: 0, speaker: 'Ada', text: expect.stringMatching(/^Hello and welcome to arXiv Brief/) });
    expect(new Set(cues.map((cue) => cue.speaker))).toEqual(new Set(['Ada', 'Bo']));
    for (const [index, cue] of cues.entries()) {
      expect(cue.end).toBeGreaterThan(cue.start);
      if (index > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[index - 1]!.end - 0.001);
    }
    expect(cues.at(-1)!.end).toBeLessThanOrEqual(probed.durationSeconds);
  });

  it('links JSON chapters that match the chapters in the MP3', async () => {
    const chaptersLink = item['podcast:chapters'] as { url: string; type: string };
    expect(chaptersLink).toEqual({ url: `${PUBLIC_URL}/audio/${NIGHT}.chapters.json`, type: 'application/json+chapters' });
    const json = JSON.parse(await readFile(local(chaptersLink.url), 'utf8')) as { version: string; chapters: Array<{ startTime: number; title: string }> };
    expect(json.version).toBe('1.2.0');
    expect(json.chapters.map((chapter) => chapter.title)).toEqual(probed.chapters.map((chapter) => chapter.title));
    for (const [index, chapter] of json.chapters.entries()) expect(chapter.startTime).toBeCloseTo(probed.chapters[index]!.startSeconds, 1);
  });

  it('is linked from the archive index, for readers and for podcast apps', async () => {
    const index = await readFile(join(services.outputDir, 'index.html'), 'utf8');
    expect(index).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="[^"]*podcast[^"]*" href="podcast\.xml">/i);
    expect(index).toMatch(/<a href="podcast\.xml"[^>]*>[^<]+<\/a>/);
  });
});
