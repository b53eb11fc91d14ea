import type { Chapter } from './encode-episode-mp3.js';

/** The episode's chapters as Podcasting 2.0 JSON chapters (`audio/<date>.chapters.json`), for `podcast:chapters`. */
export function renderChaptersJson(chapters: readonly Chapter[]): string {
  const entries = chapters.map((chapter) => ({ startTime: round(chapter.startMs / 1000), endTime: round(chapter.endMs / 1000), title: chapter.title }));
  return `${JSON.stringify({ version: '1.2.0', chapters: entries }, null, 2)}\n`;
}

// --- internal ---

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
