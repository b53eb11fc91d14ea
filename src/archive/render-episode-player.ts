import type { EditionEpisode } from '../edition/edition.js';
import { getMessages } from '../language/messages.js';
import { escapeHtml } from '../output/escape-html.js';

/**
 * The episode's `<audio>` player with its chapters; a chapter button seeks the player (assets/episode-player.js).
 * Given a paper, the player plays that paper's segment (a media fragment `#t=start,end`) and lists no chapters.
 */
export function renderEpisodePlayer(episode: EditionEpisode, options: { root: '../'; paperId?: string; language?: string | undefined }): string {
  const messages = getMessages(options.language);
  const chapter = options.paperId === undefined ? undefined : episode.chapters.find((entry) => entry.paperId === options.paperId);
  if (options.paperId !== undefined && chapter === undefined) return '';
  const source = `${options.root}${episode.mp3}${chapter ? `#t=${seconds(chapter.startMs)},${seconds(chapter.endMs)}` : ''}`;
  const heading = chapter ? messages.listenToThisPaper : messages.listenToEpisode(Math.max(1, Math.round(episode.durationMs / 60_000)));
  const chapters = chapter
    ? ''
    : `<ol class="chapters">${episode.chapters
        .map((entry) => `<li><button type="button" data-start="${seconds(entry.startMs)}">${escapeHtml(entry.title)}</button> <span class="muted">${clock(entry.startMs)}</span></li>`)
        .join('')}</ol>`;
  return [
    '<section class="episode">',
    `<h2>${escapeHtml(heading)}</h2>`,
    `<audio controls preload="none" src="${escapeHtml(source)}"></audio>`,
    chapters,
    `<p class="muted"><a href="${escapeHtml(`${options.root}${episode.mp3.replace(/\.mp3$/, '.txt')}`)}">${escapeHtml(messages.transcript)}</a> · <a href="${options.root}podcast.xml">${escapeHtml(messages.subscribePodcast)}</a></p>`,
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

// --- internal ---

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}

function clock(milliseconds: number): string {
  const total = Math.round(milliseconds / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
