import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../src/audio/episode-record.js';
import { renderPodcastFeed } from '../../src/audio/render-podcast-feed.js';

const episode = (date: string, language: string | undefined): EpisodeRecord => ({
  schemaVersion: 1,
  date,
  title: `Episode of ${date}`,
  mp3: `audio/${date}.mp3`,
  transcript: `audio/${date}.txt`,
  bytes: 1000,
  durationMs: 60_000,
  chapters: [],
  engine: 'espeak-ng',
  voices: {},
  characters: 100,
  charactersPaid: 100,
  cost: { scriptsUsd: null, speechUsd: null, totalUsd: null },
  ...(language ? { language } : {}),
  createdAt: `${date}T06:00:00Z`,
});

const feedLanguage = (episodes: EpisodeRecord[]) =>
  new XMLParser().parse(renderPodcastFeed(episodes, { baseUrl: 'https://brief.example.org', title: 'arXiv Brief', imagePath: 'audio/cover.png' })).rss.channel.language;

describe("the podcast feed's language", () => {
  it('is the language the newest episode speaks, so apps list a Chinese show as Chinese', () => {
    expect(feedLanguage([episode('2026-12-07', 'zh'), episode('2026-12-06', 'en')])).toBe('zh');
  });

  it('is English for episodes recorded before episodes kept their language', () => {
    expect(feedLanguage([episode('2026-12-07', undefined)])).toBe('en');
  });
});
